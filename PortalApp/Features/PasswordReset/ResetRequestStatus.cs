namespace PortalApp.Features.PasswordReset;

/// <summary>
/// Where a reset request is in its lifecycle (DESIGN.md, "Reset requests, tokens and activity"). The numbers are
/// stored; <see cref="ResetLifecycle"/> says which activity moves a request to which.
/// </summary>
public enum ResetRequestStatus
{
    /// <summary>Recorded by the forgot form; not yet processed.</summary>
    Requested = 0,
    EmailQueued = 1,
    EmailSent = 2,
    LinkOpened = 3,
    Completed = 4,
    UnknownAccount = 5,
    Throttled = 6,
    Expired = 7,
    EmailFailed = 8,

    /// <summary>A token issued without the forgot form (e.g. through <c>UserManager.GeneratePasswordResetTokenAsync</c>).</summary>
    Issued = 9,

    /// <summary>A newer link for the same customer retired this one before it was used (only the newest link works).</summary>
    Replaced = 10,
}
