using static PortalApp.Features.PasswordReset.ResetRequestStatus;

namespace PortalApp.Features.PasswordReset;

/// <summary>
/// The one table of what each kind of activity does to a request's status. An event whose move does not start
/// from the request's current status is still recorded but leaves the status alone: an email reported sent after its
/// link was opened stays "link opened", and nothing moves a request out of Completed, Unknown account or Throttled.
/// </summary>
public static class ResetLifecycle
{
    /// <summary>Every status a request with a link can be in; completing the reset wins over all of them.</summary>
    private static readonly ResetRequestStatus[] WithLink = [EmailQueued, EmailSent, LinkOpened, Issued, Expired, EmailFailed];

    /// <summary>Per type: where it moves a request, and from where. Null: recorded without moving the status.</summary>
    private static readonly Dictionary<ResetActivityType, Move?> Moves = new()
    {
        // A request starts Requested (the forgot form) or Issued (a link made directly); this is its first event.
        [ResetActivityType.Requested] = null,
        [ResetActivityType.UnknownAccount] = new(UnknownAccount, [Requested]),
        [ResetActivityType.Throttled] = new(Throttled, [Requested]),
        [ResetActivityType.EmailQueued] = new(EmailQueued, [Requested]),
        [ResetActivityType.EmailSent] = new(EmailSent, [EmailQueued]),

        // Delivery can give up after the link already ran out (retries outlast the link's lifetime).
        [ResetActivityType.EmailFailed] = new(EmailFailed, [EmailQueued, Expired]),
        [ResetActivityType.LinkOpened] = new(LinkOpened, [EmailQueued, EmailSent, Issued]),
        [ResetActivityType.Completed] = new(Completed, WithLink),

        // Attempts with a bad link say nothing about the request's own progress; the sweep marks expiry.
        [ResetActivityType.ExpiredLinkUsed] = null,
        [ResetActivityType.InvalidLink] = null,
        [ResetActivityType.RejectedByPolicy] = null,

        // Links made directly (Issued) are not swept: no email, so nobody waits on them.
        [ResetActivityType.LinkExpired] = new(Expired, [EmailQueued, EmailSent, LinkOpened]),

        // Only the newest link works: issuing one retires every earlier link still waiting to be used. A replaced
        // request stays replaced (its email may still report sent, an attempt with it is an invalid link).
        [ResetActivityType.LinkReplaced] = new(Replaced, [EmailQueued, EmailSent, LinkOpened, Issued]),
    };

    /// <summary>Whether the table says what <paramref name="type"/> does (a new activity type must be added to it).</summary>
    public static bool Covers(ResetActivityType type) => Moves.ContainsKey(type);

    /// <summary>The status a request in <paramref name="current"/> has after <paramref name="type"/> happens to it.</summary>
    public static ResetRequestStatus StatusAfter(ResetRequestStatus current, ResetActivityType type)
    {
        if (!Moves.TryGetValue(type, out var move))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "ResetLifecycle has no entry for this activity type.");
        }

        return move is not null && move.From.Contains(current) ? move.To : current;
    }

    /// <summary>The statuses <paramref name="type"/> moves a request out of (empty when it moves none), for queries that pick such requests.</summary>
    public static IReadOnlyList<ResetRequestStatus> MovesFrom(ResetActivityType type) =>
        Moves.GetValueOrDefault(type)?.From ?? [];

    private sealed record Move(ResetRequestStatus To, ResetRequestStatus[] From);
}
