using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using PortalApp.Data;

namespace PortalApp.Features.Email;

/// <summary>
/// One pass over the outbox: claims the due messages, sends them over a transport session and records each outcome
/// as soon as it is known, so a crash re-sends at most the message in flight (at-least-once delivery).
/// </summary>
internal sealed class OutboxBatch(
    PortalDbContext db,
    OutboxMimeBuilder mime,
    IEnumerable<IOutboxDeliveryObserver> observers,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxBatch> logger)
{
    /// <summary>Sends the due messages over <paramref name="session"/>; returns how many it claimed.</summary>
    public async Task<int> SendDueAsync(IEmailTransportSession session, CancellationToken cancellationToken)
    {
        var claimed = await ClaimDueAsync(cancellationToken);
        try
        {
            foreach (var message in claimed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await SendAsync(session, message, cancellationToken);
                if (result.Outcome == SendOutcome.Unreachable)
                {
                    var unsent = Unsent(claimed);
                    logger.LogWarning("Could not reach the mail transport ({Error}); {Count} message(s) will be retried.", result.Error, unsent.Count);
                    foreach (var left in unsent)
                    {
                        await RecordFailureAsync(left, result, cancellationToken);
                    }

                    break;
                }

                await (result.Outcome == SendOutcome.Sent ? RecordSentAsync(message) : RecordFailureAsync(message, result, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand back what this batch did not get to, so the next start sends it at once instead
            // of waiting out the claim timeout.
            foreach (var message in Unsent(claimed))
            {
                message.ClaimedUntil = null;
            }

            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        return claimed.Count;
    }

    private static List<OutboxMessage> Unsent(List<OutboxMessage> claimed) =>
        claimed.Where(m => m.Status == OutboxStatus.Pending && m.ClaimedUntil is not null).ToList();

    private static void EraseProtectedBody(OutboxMessage message)
    {
        // The body held a secret (a token link): once the message is settled, nothing keeps it.
        if (message.IsProtected)
        {
            message.HtmlBody = null;
            message.TextBody = null;
        }
    }

    private async Task<List<OutboxMessage>> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var outbox = options.Value.Outbox;
        var now = time.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Take(outbox.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count > 0)
        {
            foreach (var message in due)
            {
                message.ClaimedUntil = now + outbox.ClaimTimeout;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return due;
    }

    private async Task<SendResult> SendAsync(IEmailTransportSession session, OutboxMessage message, CancellationToken cancellationToken)
    {
        MimeMessage built;
        try
        {
            built = mime.Build(message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Unreadable or malformed stored message: nothing to do with the connection.
            return SendResult.Failed(exception);
        }

        return await session.SendAsync(built, cancellationToken);
    }

    private async Task RecordSentAsync(OutboxMessage message)
    {
        message.Status = OutboxStatus.Sent;
        message.SentAt = time.GetUtcNow();
        message.ClaimedUntil = null;
        message.LastError = null;
        message.Attempts++;
        EraseProtectedBody(message);
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Sent {Kind} email {MessageId}.", message.Kind, message.Id);
        foreach (var observer in observers)
        {
            await observer.OnSentAsync(message, CancellationToken.None);
        }
    }

    private async Task RecordFailureAsync(OutboxMessage message, SendResult result, CancellationToken cancellationToken)
    {
        var outbox = options.Value.Outbox;
        message.Attempts++;
        message.ClaimedUntil = null;
        message.LastError = Truncate(result.Error ?? result.Outcome.ToString(), 1000);
        var permanent = message.Attempts >= outbox.MaxAttempts || result.Outcome == SendOutcome.Rejected;
        if (permanent)
        {
            message.Status = OutboxStatus.Failed;
            EraseProtectedBody(message);
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

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
