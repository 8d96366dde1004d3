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

    // When the kept session last sent (or was kept), for its idle timeout.
    private DateTimeOffset keptSince;

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
                    // Hold the connection for the next message of a burst, still polling for due retries; close it
                    // once it has been idle for SessionIdleTimeout.
                    var outbox = options.Value.Outbox;
                    var idleFor = time.GetUtcNow() - keptSince;
                    var left = outbox.SessionIdleTimeout - idleFor;
                    if (left <= TimeSpan.Zero)
                    {
                        await CloseKeptSessionAsync();
                        continue;
                    }

                    await signal.WaitAsync(left < outbox.PollInterval ? left : outbox.PollInterval, time, stoppingToken);
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

        // Only the background loop keeps a session between calls; a direct caller always starts its own.
        var session = keepSessionOpen ? keptSession : null;
        if (keepSessionOpen)
        {
            keptSession = null;
        }

        // A kept session may have been dropped by the server while idle: its first failure earns the message one
        // retry over a fresh connection before it counts as an attempt.
        var reused = session is not null;
        try
        {
            foreach (var message in due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                MimeMessage mime;
                try
                {
                    mime = ToMime(message, from, protector);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Unreadable or malformed stored message: nothing to do with the connection.
                    await RecordFailureAsync(db, message, exception, observers, cancellationToken);
                    continue;
                }

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

                var failure = await TrySendAsync(session, mime, cancellationToken);
                if (failure is not null && !IsRejection(failure))
                {
                    // The connection is gone or being closed: never send over it again.
                    await session.DisposeAsync();
                    session = null;
                    if (reused)
                    {
                        (session, failure) = await RetryOnFreshSessionAsync(transport, mime, cancellationToken);
                    }
                }

                reused = false;
                if (failure is null)
                {
                    await RecordSentAsync(db, message, observers);
                }
                else
                {
                    await RecordFailureAsync(db, message, failure, observers, cancellationToken);
                }
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
                    keptSince = time.GetUtcNow();
                }
                else
                {
                    await session.DisposeAsync();
                }
            }
        }

        return due.Count;
    }

    private static async Task<Exception?> TrySendAsync(IEmailTransportSession session, MimeMessage mime, CancellationToken cancellationToken)
    {
        try
        {
            await session.SendAsync(mime, cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return exception;
        }
    }

    /// <summary>
    /// Sends over a new session. Returns the session (null when the connection itself failed) and this attempt's
    /// error, which is the one recorded: the old session's error only said the connection had gone.
    /// </summary>
    private async Task<(IEmailTransportSession? Session, Exception? Failure)> RetryOnFreshSessionAsync(
        IEmailTransport transport, MimeMessage mime, CancellationToken cancellationToken)
    {
        IEmailTransportSession? fresh = null;
        try
        {
            fresh = await transport.OpenAsync(cancellationToken);
            await fresh.SendAsync(mime, cancellationToken);
            return (fresh, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("A kept mail connection had gone; the retry over a fresh one failed too ({Error}).", exception.Message);
            if (fresh is not null && !IsRejection(exception))
            {
                await fresh.DisposeAsync();
                fresh = null;
            }

            return (fresh, exception);
        }
        catch
        {
            // Shutting down mid-retry: the fresh connection is nobody's to close but ours.
            if (fresh is not null)
            {
                await fresh.DisposeAsync();
            }

            throw;
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
            message.NextAttemptAt = time.GetUtcNow() + outbox.RetryDelay(message.Attempts);
            logger.LogWarning("Could not send {Kind} email {MessageId} (attempt {Attempts}); retrying at {NextAttemptAt:O}.", message.Kind, message.Id, message.Attempts, message.NextAttemptAt);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        foreach (var observer in observers)
        {
            await observer.OnFailedAsync(message, permanent, cancellationToken);
        }
    }

    /// <summary>
    /// The server answered this message with an error and the connection is still usable. 421 is the exception: the
    /// server is closing the channel (RFC 5321 §3.8).
    /// </summary>
    private static bool IsRejection(Exception exception) =>
        exception is SmtpCommandException { StatusCode: not SmtpStatusCode.ServiceNotAvailable };

    /// <summary>
    /// A 5yz refusal of this recipient or this message is permanent (RFC 5321 §4.2.1): sending it again cannot
    /// succeed. A 5yz refusal of the sender (authentication, relaying, quota) is about the portal's own setup and
    /// affects every message, so those keep being retried until the setup is fixed or MaxAttempts runs out.
    /// </summary>
    private static bool IsPermanentRejection(Exception exception) =>
        exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted, StatusCode: var code }
        && (int)code is >= 500 and < 600;

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
