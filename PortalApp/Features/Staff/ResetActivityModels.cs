using PortalApp.Features.PasswordReset;

namespace PortalApp.Features.Staff;

/// <summary>
/// The dashboard's headline numbers for a range. Counts are activity events that happened in the range;
/// <see cref="Failed"/> = undeliverable emails + attempts with invalid/used links + attempts with expired links + policy rejections.
/// </summary>
public sealed record ResetKpis(
    int Requested,
    int Emailed,
    int Completed,
    int Expired,
    int Failed,
    int Throttled,
    int Unknown,
    double? CompletionRate,
    TimeSpan? MedianTimeToComplete)
{
    public static readonly ResetKpis Empty = new(0, 0, 0, 0, 0, 0, 0, null, null);
}

public sealed record ActivityBucket(DateTimeOffset Start, int Requests, int Completions);

public enum WatchKind
{
    Account,
    IpAddress,
}

public sealed record WatchListEntry(WatchKind Kind, string Value, int Requests);

public sealed record ResetActivityOverview(ResetKpis Kpis, IReadOnlyList<ActivityBucket> Chart, TimeSpan BucketSize, IReadOnlyList<WatchListEntry> WatchList);

public enum RequestLogSort
{
    Time,
    Email,
    Status,
    IpAddress,
    TimeToComplete,
}

public sealed record RequestLogFilter(ActivityRange Range, string? EmailContains = null, ResetRequestStatus? Status = null, string? IpAddress = null);

public sealed record RequestLogQuery(RequestLogFilter Filter, RequestLogSort Sort = RequestLogSort.Time, bool Descending = true, int Page = 0, int PageSize = 25);

public sealed record RequestLogRow(
    Guid Id,
    DateTimeOffset CreatedAt,
    string Email,
    ResetRequestStatus Status,
    string? IpAddress,
    string Browser,
    TimeSpan? TimeToComplete);

public sealed record RequestLogPage(IReadOnlyList<RequestLogRow> Rows, int TotalCount);

public sealed record RequestTimelineEntry(DateTimeOffset OccurredAt, ResetActivityType Type, string? IpAddress, string Browser, string? Detail);

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
