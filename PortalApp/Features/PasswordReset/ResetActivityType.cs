namespace PortalApp.Features.PasswordReset;

/// <summary>What happened in a reset: the stored type of a <see cref="ResetActivityEvent"/> (the numbers are in the database).</summary>
public enum ResetActivityType
{
    Requested = 0,
    UnknownAccount = 1,
    Throttled = 2,
    EmailQueued = 3,
    EmailSent = 4,
    EmailFailed = 5,
    LinkOpened = 6,
    Completed = 7,

    /// <summary>Someone opened or submitted a link after it expired.</summary>
    ExpiredLinkUsed = 8,

    /// <summary>An attempt with a used, tampered or unknown link.</summary>
    InvalidLink = 9,

    /// <summary>A new password refused by the password policy.</summary>
    RejectedByPolicy = 10,

    /// <summary>A link ran out unused (recorded by the expiry sweep).</summary>
    LinkExpired = 11,

    /// <summary>A newer link for the same customer was issued, which retired this unused one (saved with the issue).</summary>
    LinkReplaced = 12,
}
