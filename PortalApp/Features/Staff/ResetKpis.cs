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
