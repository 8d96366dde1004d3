namespace PortalApp.Features.Staff;

/// <summary>One chart point: requests and completions in the bucket starting at <see cref="Start"/>.</summary>
public sealed record ActivityBucket(DateTimeOffset Start, int Requests, int Completions);

/// <summary>What the dashboard's top half shows for a range: KPIs, chart and watch list.</summary>
public sealed record ResetActivityOverview(ResetKpis Kpis, IReadOnlyList<ActivityBucket> Chart, TimeSpan BucketSize, IReadOnlyList<WatchListEntry> WatchList);
