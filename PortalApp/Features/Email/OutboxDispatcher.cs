using Microsoft.Extensions.Options;

namespace PortalApp.Features.Email;

/// <summary>
/// Delivers the outbox in the background: a batch as soon as mail is queued or a poll interval passes, keeping the
/// transport's connection open between the batches of a burst.
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopeFactory,
    IEmailTransport transport,
    OutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // The session kept open between batches by the background loop (never by direct DispatchDueAsync callers).
    private IEmailTransportSession? keptSession;

    // When the kept session last carried a batch, for its idle timeout.
    private DateTimeOffset keptSince;

    /// <summary>
    /// Sends one batch of due messages; returns how many it handled. With <paramref name="keepSessionOpen"/> the
    /// session outlives the call, for the next batch (the background loop).
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken, bool keepSessionOpen = false)
    {
        var session = (keepSessionOpen ? TakeKeptSession() : null) ?? transport.StartSession();
        var handled = 0;
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            handled = await scope.ServiceProvider.GetRequiredService<OutboxBatch>().SendDueAsync(session, cancellationToken);
            return handled;
        }
        finally
        {
            await KeepOrCloseAsync(session, keepSessionOpen && !cancellationToken.IsCancellationRequested, carriedBatch: handled > 0);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and migrations run) before the first poll.
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await DispatchOrLogAsync(stoppingToken) < options.Value.Outbox.BatchSize)
                {
                    await WaitForWorkAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; the batch has handed back what it did not send.
        }
        finally
        {
            await CloseKeptSessionAsync();
        }
    }

    private async Task<int> DispatchOrLogAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await DispatchDueAsync(stoppingToken, keepSessionOpen: options.Value.Outbox.SessionIdleTimeout > TimeSpan.Zero);
        }
        catch (Exception exception) when (!exception.IsCancellationOf(stoppingToken))
        {
            logger.LogError(exception, "The outbox dispatcher failed; it will try again.");
            await CloseKeptSessionAsync();
            return 0;
        }
    }

    /// <summary>
    /// Waits for queued mail or the next poll. A kept connection is held for the next message of a burst, still
    /// polling for due retries, and closed once it has been idle for SessionIdleTimeout.
    /// </summary>
    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        var outbox = options.Value.Outbox;
        if (keptSession is null)
        {
            await signal.WaitAsync(outbox.PollInterval, time, stoppingToken);
            return;
        }

        var left = outbox.SessionIdleTimeout - (time.GetUtcNow() - keptSince);
        if (left <= TimeSpan.Zero)
        {
            await CloseKeptSessionAsync();
            return;
        }

        await signal.WaitAsync(left < outbox.PollInterval ? left : outbox.PollInterval, time, stoppingToken);
    }

    private async Task KeepOrCloseAsync(IEmailTransportSession session, bool keep, bool carriedBatch)
    {
        if (!keep || !session.IsConnected)
        {
            await session.DisposeAsync();
            return;
        }

        session.MarkIdle();
        keptSession = session;
        if (carriedBatch)
        {
            // An empty poll leaves the idle clock running.
            keptSince = time.GetUtcNow();
        }
    }

    private IEmailTransportSession? TakeKeptSession()
    {
        var session = keptSession;
        keptSession = null;
        return session;
    }

    private async Task CloseKeptSessionAsync()
    {
        if (TakeKeptSession() is { } session)
        {
            await session.DisposeAsync();
        }
    }
}
