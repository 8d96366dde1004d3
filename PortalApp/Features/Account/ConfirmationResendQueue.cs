using System.Threading.Channels;

namespace PortalApp.Features.Account;

/// <summary>
/// "Resend confirmation" hands the address to a background worker, like the forgot form does, so the request does
/// the same work for every address: no lookup, token or email in the request path, and no timing to read.
/// </summary>
/// <remarks>
/// Bounded: a flood that gets past the rate limiter (many addresses at once) is turned away rather than growing memory.
/// A turned-away request is not pretended to be queued: the page asks the customer to try again later, which says
/// nothing about the address (it depends only on the load), and operators get a warning with the count.
/// </remarks>
public sealed class ConfirmationResendQueue(TimeProvider time, ILogger<ConfirmationResendQueue> logger, int capacity = ConfirmationResendQueue.DefaultCapacity)
{
    public const int DefaultCapacity = 1000;

    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly Channel<string> channel = Channel.CreateBounded<string>(
        new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly Lock warningLock = new();
    private DateTimeOffset lastWarning = DateTimeOffset.MinValue;
    private int turnedAway;

    /// <summary>Queues <paramref name="email"/>; false when the queue is full and the customer should try again later.</summary>
    public bool TryEnqueue(string email)
    {
        if (channel.Writer.TryWrite(email.Trim()))
        {
            return true;
        }

        WarnFull();
        return false;
    }

    internal ChannelReader<string> Reader => channel.Reader;

    /// <summary>At most one warning a minute, with how many requests were turned away since the last one.</summary>
    private void WarnFull()
    {
        lock (warningLock)
        {
            turnedAway++;
            var now = time.GetUtcNow();
            if (now - lastWarning < WarningInterval)
            {
                return;
            }

            logger.LogWarning("Confirmation resend queue is full ({Capacity}); {TurnedAway} requests turned away and asked to try again later.", capacity, turnedAway);
            lastWarning = now;
            turnedAway = 0;
        }
    }
}
