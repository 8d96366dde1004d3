using PortalApp.Features.PasswordReset;

namespace PortalApp.Features.Staff;

/// <summary>Staff-facing words for lifecycle states and activity types.</summary>
public static class ResetActivityText
{
    public static string Describe(ResetRequestStatus status) => status switch
    {
        ResetRequestStatus.Requested => "Requested",
        ResetRequestStatus.EmailQueued => "Email queued",
        ResetRequestStatus.EmailSent => "Email sent",
        ResetRequestStatus.LinkOpened => "Link opened",
        ResetRequestStatus.Completed => "Completed",
        ResetRequestStatus.UnknownAccount => "Unknown account",
        ResetRequestStatus.Throttled => "Throttled",
        ResetRequestStatus.Expired => "Expired",
        ResetRequestStatus.EmailFailed => "Email failed",
        ResetRequestStatus.Issued => "Issued",
        ResetRequestStatus.Replaced => "Replaced",
        _ => status.ToString(),
    };

    public static string Describe(ResetActivityType type) => type switch
    {
        ResetActivityType.Requested => "Requested",
        ResetActivityType.UnknownAccount => "No account for this address",
        ResetActivityType.Throttled => "Throttled",
        ResetActivityType.EmailQueued => "Email queued",
        ResetActivityType.EmailSent => "Email sent",
        ResetActivityType.EmailFailed => "Email could not be delivered",
        ResetActivityType.LinkOpened => "Link opened",
        ResetActivityType.Completed => "Password changed",
        ResetActivityType.ExpiredLinkUsed => "Expired link used",
        ResetActivityType.InvalidLink => "Invalid or used link",
        ResetActivityType.RejectedByPolicy => "New password rejected by policy",
        ResetActivityType.LinkExpired => "Link expired unused",
        ResetActivityType.LinkReplaced => "Link replaced by a newer one",
        _ => type.ToString(),
    };

    public static string Duration(TimeSpan? value) => value switch
    {
        null => "—",
        { TotalSeconds: < 60 } v => $"{(int)v.TotalSeconds} s",
        { TotalHours: < 1 } v => $"{(int)v.TotalMinutes} min {v.Seconds} s",
        { TotalDays: < 1 } v => $"{(int)v.TotalHours} h {v.Minutes} min",
        var v => $"{(int)v.Value.TotalDays} d {v.Value.Hours} h",
    };
}
