using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;

namespace PortalApp.Features.Staff;

/// <summary>
/// The dashboard's top half: KPIs, chart and watch list. Everything is aggregated in SQL over indexed columns (times
/// are UTC ticks, see <see cref="PortalDbContext"/>); only aggregates reach memory. The request log is <see cref="RequestLogQueries"/>.
/// </summary>
public sealed class ResetActivityQueries(IDbContextFactory<PortalDbContext> contexts, IOptions<StaffDashboardOptions> options)
{
    private static readonly ResetActivityType[] CountedTypes =
    [
        ResetActivityType.Requested, ResetActivityType.EmailSent, ResetActivityType.Completed, ResetActivityType.LinkExpired,
        ResetActivityType.EmailFailed, ResetActivityType.InvalidLink, ResetActivityType.ExpiredLinkUsed, ResetActivityType.RejectedByPolicy,
        ResetActivityType.Throttled, ResetActivityType.UnknownAccount,
    ];

    // One indexed range count per type over (Type, OccurredAt): far cheaper in SQLite than GROUP BY over the time index.
    private static readonly string CountsSql = string.Join(
        "\nUNION ALL\n",
        CountedTypes.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"SELECT {(int)t} AS \"Type\", (SELECT COUNT(*) FROM \"ResetActivityEvents\" WHERE \"Type\" = {(int)t} AND \"OccurredAt\" >= {{0}} AND \"OccurredAt\" < {{1}}) AS \"Count\"")));

    /// <summary>KPIs, chart and watch list, queried concurrently (SQLite in WAL mode serves readers in parallel).</summary>
    public async Task<ResetActivityOverview> GetOverviewAsync(ActivityRange range, CancellationToken cancellationToken = default)
    {
        var kpis = GetKpisAsync(range, cancellationToken);
        var chart = GetChartAsync(range, cancellationToken);
        var watch = GetWatchListAsync(range, cancellationToken);
        await Task.WhenAll(kpis, chart, watch);
        return new ResetActivityOverview(await kpis, await chart, range.BucketSize, await watch);
    }

    public async Task<ResetKpis> GetKpisAsync(ActivityRange range, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (from, to) = range.UtcTicks;
        var counts = (await db.Database.SqlQueryRaw<TypeCount>(CountsSql, from, to).ToListAsync(cancellationToken))
            .ToDictionary(c => (ResetActivityType)c.Type, c => c.Count);
        int Count(ResetActivityType type) => counts.GetValueOrDefault(type);

        var requested = Count(ResetActivityType.Requested);
        var completed = Count(ResetActivityType.Completed);
        var unknown = Count(ResetActivityType.UnknownAccount);
        var realAccountRequests = requested - unknown;
        double? rate = realAccountRequests > 0 ? Math.Min(1.0, (double)completed / realAccountRequests) : null;

        return new ResetKpis(
            Requested: requested,
            Emailed: Count(ResetActivityType.EmailSent),
            Completed: completed,
            Expired: Count(ResetActivityType.LinkExpired),
            Failed: Count(ResetActivityType.EmailFailed) + Count(ResetActivityType.InvalidLink) + Count(ResetActivityType.ExpiredLinkUsed) + Count(ResetActivityType.RejectedByPolicy),
            Throttled: Count(ResetActivityType.Throttled),
            Unknown: unknown,
            CompletionRate: rate,
            MedianTimeToComplete: await MedianTimeToCompleteAsync(db, from, to, cancellationToken));
    }

    public async Task<IReadOnlyList<ActivityBucket>> GetChartAsync(ActivityRange range, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (from, to) = range.UtcTicks;
        var size = range.BucketSize.Ticks;

        // Two index range counts per bucket: no temporary B-tree, which is what makes GROUP BY slow in SQLite.
        var rows = await db.Database.SqlQueryRaw<BucketCount>(
            $$"""
            WITH RECURSIVE "b"("i") AS (SELECT {0} / {2} UNION ALL SELECT "i" + 1 FROM "b" WHERE "i" < ({1} - 1) / {2})
            SELECT "i" AS "Bucket",
              (SELECT COUNT(*) FROM "ResetActivityEvents" WHERE "Type" = {{(int)ResetActivityType.Requested}}
                 AND "OccurredAt" >= max({0}, "i" * {2}) AND "OccurredAt" < min({1}, ("i" + 1) * {2})) AS "Requests",
              (SELECT COUNT(*) FROM "ResetActivityEvents" WHERE "Type" = {{(int)ResetActivityType.Completed}}
                 AND "OccurredAt" >= max({0}, "i" * {2}) AND "OccurredAt" < min({1}, ("i" + 1) * {2})) AS "Completions"
            FROM "b"
            """,
            from, to, size).ToListAsync(cancellationToken);

        var buckets = rows.OrderBy(r => r.Bucket)
            .Select(r => new ActivityBucket(new DateTimeOffset(r.Bucket * size, TimeSpan.Zero), r.Requests, r.Completions))
            .ToList();
        return buckets;
    }

    public async Task<IReadOnlyList<WatchListEntry>> GetWatchListAsync(ActivityRange range, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (from, to) = range.UtcTicks;
        var settings = options.Value;

        // Over more than a few days, walking the (value, CreatedAt) index in order beats grouping the range's rows
        // in a temporary B-tree; over a day or two the time index finds far fewer rows.
        var wide = range.To - range.From > TimeSpan.FromDays(3);
        var accountIndex = wide ? "INDEXED BY \"IX_ResetRequests_Email_CreatedAt\"" : "";
        var ipIndex = wide ? "INDEXED BY \"IX_ResetRequests_IpAddress_CreatedAt\"" : "";
        var accountsSql = $$"""
            SELECT "Email" AS "Value", COUNT(*) AS "Count" FROM "ResetRequests" {{accountIndex}}
            WHERE "CreatedAt" >= {0} AND "CreatedAt" < {1}
            GROUP BY "Email" HAVING COUNT(*) >= {2} ORDER BY 2 DESC, 1 LIMIT 20
            """;
        var ipsSql = $$"""
            SELECT "IpAddress" AS "Value", COUNT(*) AS "Count" FROM "ResetRequests" {{ipIndex}}
            WHERE "CreatedAt" >= {0} AND "CreatedAt" < {1} AND "IpAddress" IS NOT NULL
            GROUP BY "IpAddress" HAVING COUNT(*) >= {2} ORDER BY 2 DESC, 1 LIMIT 20
            """;
        var accounts = await db.Database.SqlQueryRaw<ValueCount>(accountsSql, from, to, settings.WatchAccountThreshold).ToListAsync(cancellationToken);
        var ips = await db.Database.SqlQueryRaw<ValueCount>(ipsSql, from, to, settings.WatchIpThreshold).ToListAsync(cancellationToken);

        return
        [
            .. accounts.Select(a => new WatchListEntry(WatchKind.Account, a.Value, a.Count)),
            .. ips.Select(i => new WatchListEntry(WatchKind.IpAddress, i.Value, i.Count)),
        ];
    }

    private static async Task<TimeSpan?> MedianTimeToCompleteAsync(PortalDbContext db, long from, long to, CancellationToken cancellationToken)
    {
        var count = await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM \"ResetRequests\" WHERE \"CompletedAt\" >= {0} AND \"CompletedAt\" < {1}", from, to)
            .SingleAsync(cancellationToken);
        if (count == 0)
        {
            return null;
        }

        // The middle one (odd count) or the two middle ones (even count): walking the duration index (migration
        // StaffDashboard) to that offset costs a few ms at any range size; sorting the range cost ~100 ms at 145k completions.
        var middle = await db.Database.SqlQueryRaw<long>(
            """
            SELECT "CompletedAt" - "CreatedAt" AS "Value" FROM "ResetRequests" INDEXED BY "IX_ResetRequests_TimeToComplete"
            WHERE "CompletedAt" IS NOT NULL AND "CompletedAt" >= {0} AND "CompletedAt" < {1}
            ORDER BY "CompletedAt" - "CreatedAt" LIMIT {2} OFFSET {3}
            """,
            from, to, count % 2 == 0 ? 2 : 1, (count - 1) / 2).ToListAsync(cancellationToken);
        return TimeSpan.FromTicks((long)middle.Average());
    }

    private sealed class TypeCount
    {
        public int Type { get; init; }

        public int Count { get; init; }
    }

    private sealed class BucketCount
    {
        public long Bucket { get; init; }

        public int Requests { get; init; }

        public int Completions { get; init; }
    }

    private sealed class ValueCount
    {
        public string Value { get; init; } = "";

        public int Count { get; init; }
    }
}
