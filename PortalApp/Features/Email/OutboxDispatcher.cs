using MailKit.Net.Smtp;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using PortalApp.Data;

namespace PortalApp.Features.Email;

/// <summary>
/// Delivers the outbox: claims due messages, sends them over one transport session, and records each outcome
/// as soon as it is known, so a crash re-sends at most the message in flight (at-least-once delivery).
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopeFactory,
    OutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // The connection kept open between batches by the background loop (never by direct DispatchDueAsync callers).
    private IEmailTransportSession? keptSession;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and migrations run) before the first poll.
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                int handled;
                try
                {
                    handled = await DispatchDueAsync(stoppingToken, keepSessionOpen: options.Value.Outbox.SessionIdleTimeout > TimeSpan.Zero);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "The outbox dispatcher failed; it will try again.");
                    await CloseKeptSessionAsync();
                    handled = 0;
                }

                if (handled >= options.Value.Outbox.BatchSize)
                {
                    continue;
                }

                if (keptSession is not null)
                {
                    // Hold the connection for the next message of a burst; close it once the burst is over.
                    if (!await signal.WaitAsync(options.Value.Outbox.SessionIdleTimeout, time, stoppingToken))
                    {
                        await CloseKeptSessionAsync();
                    }

                    continue;
                }

                await signal.WaitAsync(options.Value.Outbox.PollInterval, time, stoppingToken);
            }
        }
        finally
        {
            await CloseKeptSessionAsync();
        }
    }

    private async Task CloseKeptSessionAsync()
    {
        var session = keptSession;
        keptSession = null;
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }

    /// <summary>
    /// Sends one batch of due messages over one transport session; returns how many it handled. With
    /// <paramref name="keepSessionOpen"/> the session outlives the call, for the next batch (the background loop).
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken, bool keepSessionOpen = false)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var outbox = options.Value.Outbox;
        var now = time.GetUtcNow();

        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Take(outbox.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        foreach (var message in due)
        {
            message.ClaimedUntil = now + outbox.ClaimTimeout;
        }

        await db.SaveChangesAsync(cancellationToken);

        var transport = scope.ServiceProvider.GetRequiredService<IEmailTransport>();
        var observers = scope.ServiceProvider.GetServices<IOutboxDeliveryObserver>().ToList();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(EmailOutbox.ProtectorPurpose);
        var from = options.Value.FromAddress;

        // A kept session may have been dropped by the server while idle: the first failure on it earns one retry
        // over a fresh connection before it counts as an attempt.
        var session = keptSession;
        keptSession = null;
        var reused = session is not null;
        try
        {
            foreach (var message in due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (session is null)
                {
                    try
                    {
                        session = await transport.OpenAsync(cancellationToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        var left = due.Where(m => m.Status == OutboxStatus.Pending && m.ClaimedUntil is not null).ToList();
                        logger.LogWarning("Could not reach the mail transport ({Error}); {Count} message(s) will be retried.", exception.Message, left.Count);
                        foreach (var unsent in left)
                        {
                            await RecordFailureAsync(db, unsent, exception, observers, cancellationToken);
                        }

                        return due.Count;
                    }
                }

                try
                {
                    await session.SendAsync(ToMime(message, from, protector), cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    if (reused && !IsRejection(exception))
                    {
                        reused = false;
                        await session.DisposeAsync();
                        session = null;
                        if (await RetryOnFreshSessionAsync(transport, message, from, protector, cancellationToken) is { } fresh)
                        {
                            session = fresh;
                            await RecordSentAsync(db, message, observers);
                            continue;
                        }
                    }

                    await RecordFailureAsync(db, message, exception, observers, cancellationToken);
                    continue;
                }

                reused = false;
                await RecordSentAsync(db, message, observers);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand back what this batch did not get to, so the next start sends it at once
            // instead of waiting out the claim timeout.
            foreach (var message in due.Where(m => m.Status == OutboxStatus.Pending && m.ClaimedUntil is not null))
            {
                message.ClaimedUntil = null;
            }

            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (session is not null)
            {
                if (keepSessionOpen && !cancellationToken.IsCancellationRequested)
                {
                    keptSession = session;
                }
                else
                {
                    await session.DisposeAsync();
                }
            }
        }

        return due.Count;
    }

    /// <summary>Sends <paramref name="message"/> over a new session; returns that session, or null when it failed too.</summary>
    private async Task<IEmailTransportSession?> RetryOnFreshSessionAsync(
        IEmailTransport transport, OutboxMessage message, MailboxAddress from, IDataProtector protector, CancellationToken cancellationToken)
    {
        IEmailTransportSession? fresh = null;
        try
        {
            fresh = await transport.OpenAsync(cancellationToken);
            await fresh.SendAsync(ToMime(message, from, protector), cancellationToken);
            return fresh;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("A kept mail connection failed and a fresh one did too ({Error}).", exception.Message);
            if (fresh is not null)
            {
                await fresh.DisposeAsync();
            }

            return null;
        }
    }

    private async Task RecordSentAsync(PortalDbContext db, OutboxMessage message, IReadOnlyList<IOutboxDeliveryObserver> observers)
    {
        message.Status = OutboxStatus.Sent;
        message.SentAt = time.GetUtcNow();
        message.ClaimedUntil = null;
        message.LastError = null;
        message.Attempts++;
        if (message.IsProtected)
        {
            // The body held a secret (a token link): once delivered, nothing keeps it.
            message.HtmlBody = null;
            message.TextBody = null;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Sent {Kind} email {MessageId}.", message.Kind, message.Id);
        foreach (var observer in observers)
        {
            await observer.OnSentAsync(message, CancellationToken.None);
        }
    }

    private async Task RecordFailureAsync(
        PortalDbContext db,
        OutboxMessage message,
        Exception exception,
        IReadOnlyList<IOutboxDeliveryObserver> observers,
        CancellationToken cancellationToken)
    {
        var outbox = options.Value.Outbox;
        message.Attempts++;
        message.ClaimedUntil = null;
        message.LastError = Truncate($"{exception.GetType().Name}: {exception.Message}", 1000);
        var permanent = message.Attempts >= outbox.MaxAttempts || exception is FormatException or ParseException || IsPermanentRejection(exception);
        if (permanent)
        {
            message.Status = OutboxStatus.Failed;
            if (message.IsProtected)
            {
                message.HtmlBody = null;
                message.TextBody = null;
            }

            logger.LogError("Gave up on {Kind} email {MessageId} after {Attempts} attempt(s): {Error}", message.Kind, message.Id, message.Attempts, message.LastError);
        }
        else
        {
            message.NextAttemptAt = time.GetUtcNow() + RetryDelay(message.Attempts, outbox);
            logger.LogWarning("Could not send {Kind} email {MessageId} (attempt {Attempts}); retrying at {NextAttemptAt:O}.", message.Kind, message.Id, message.Attempts, message.NextAttemptAt);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        foreach (var observer in observers)
        {
            await observer.OnFailedAsync(message, permanent, cancellationToken);
        }
    }

    /// <summary>The server answered with an error: the connection is fine, the message was refused.</summary>
    private static bool IsRejection(Exception exception) => exception is SmtpCommandException;

    /// <summary>A 5yz reply is a permanent refusal (RFC 5321 §4.2.1): sending the same message again cannot succeed.</summary>
    private static bool IsPermanentRejection(Exception exception) =>
        exception is SmtpCommandException { StatusCode: var code } && (int)code is >= 500 and < 600;

    internal static TimeSpan RetryDelay(int attempts, OutboxOptions outbox)
    {
        var exponent = Math.Min(attempts - 1, 20);
        var delay = outbox.RetryBaseDelay * Math.Pow(2, exponent);
        return delay < outbox.RetryMaxDelay ? delay : outbox.RetryMaxDelay;
    }

    private static MimeMessage ToMime(OutboxMessage message, MailboxAddress from, IDataProtector protector)
    {
        var html = message.HtmlBody is null ? null : message.IsProtected ? protector.Unprotect(message.HtmlBody) : message.HtmlBody;
        var text = message.TextBody is null ? null : message.IsProtected ? protector.Unprotect(message.TextBody) : message.TextBody;
        var body = new BodyBuilder { HtmlBody = html, TextBody = text };
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = body.ToMessageBody(),
            MessageId = $"{message.Id:N}@{from.Domain}",
        };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        return mime;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
