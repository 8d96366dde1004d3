using Microsoft.Extensions.DependencyInjection;
using PortalApp.Features.PasswordReset;
using PortalApp.Features.Staff;
using PortalApp.Tests.Infrastructure;
using static PortalApp.Features.PasswordReset.ResetActivityType;
using static PortalApp.Tests.Infrastructure.ResetActivityData;

namespace PortalApp.Tests.Staff;

/// <summary>The dashboard's SQL aggregates over a known set of requests in a real SQLite database.</summary>
public sealed class DashboardAggregationTests : IClassFixture<DashboardAggregationTests.Fixture>
{
    private readonly Fixture fixture;

    public DashboardAggregationTests(Fixture fixture) => this.fixture = fixture;

    private ResetActivityQueries Queries => fixture.Factory.GetService<ResetActivityQueries>();

    private RequestLogQueries Log => fixture.Factory.GetService<RequestLogQueries>();

    private DateTimeOffset A => fixture.A;

    [Fact]
    public async Task Kpis_KnownWeek_ExactCountsRateAndMedian()
    {
        var kpis = await Queries.GetKpisAsync(new ActivityRange(fixture.T0, fixture.T0.AddDays(7)));

        Assert.Equal(9, kpis.Requested);
        Assert.Equal(6, kpis.Emailed);
        Assert.Equal(4, kpis.Completed);
        Assert.Equal(2, kpis.Expired);
        Assert.Equal(4, kpis.Failed);
        Assert.Equal(1, kpis.Throttled);
        Assert.Equal(1, kpis.Unknown);
        Assert.Equal(0.5, kpis.CompletionRate);
        Assert.Equal(TimeSpan.FromMinutes(8), kpis.MedianTimeToComplete);
    }

    [Fact]
    public async Task Kpis_OddNumberOfCompletions_MedianIsTheMiddleOne()
    {
        var kpis = await Queries.GetKpisAsync(new ActivityRange(A.AddMinutes(30), A.AddDays(1).AddHours(1)));

        Assert.Equal(3, kpis.Requested);
        Assert.Equal(3, kpis.Completed);
        Assert.Equal(1.0, kpis.CompletionRate);
        Assert.Equal(TimeSpan.FromMinutes(10), kpis.MedianTimeToComplete);
    }

    [Fact]
    public async Task Kpis_EmptyRange_ZerosAndNoRate()
    {
        var kpis = await Queries.GetKpisAsync(new ActivityRange(fixture.T0.AddDays(-30), fixture.T0.AddDays(-20)));

        Assert.Equal(ResetKpis.Empty, kpis);
    }

    [Fact]
    public async Task Chart_24Hours_HourlyBucketsWithRequestsAndCompletions()
    {
        var chart = await Queries.GetChartAsync(new ActivityRange(A, A.AddHours(24)));

        Assert.Equal(24, chart.Count);
        Assert.Equal(A, chart[0].Start);
        Assert.Equal([1, 1, 1], chart.Take(3).Select(b => b.Requests));
        Assert.Equal([1, 1, 1], chart.Take(3).Select(b => b.Completions));
        Assert.Equal(3, chart.Sum(b => b.Requests));
    }

    [Fact]
    public async Task Chart_Week_DailyBuckets()
    {
        var chart = await Queries.GetChartAsync(new ActivityRange(fixture.T0, fixture.T0.AddDays(7)));

        Assert.Equal(7, chart.Count);
        Assert.All(chart, b => Assert.Equal(TimeSpan.Zero, b.Start.TimeOfDay));
        Assert.Equal(9, chart.Sum(b => b.Requests));
        Assert.Equal(4, chart.Sum(b => b.Completions));
        Assert.Equal(3, chart[1].Requests);
    }

    [Fact]
    public async Task Log_EmailFilter_MatchesCaseInsensitivePart()
    {
        var page = await Log.GetLogPageAsync(new RequestLogQuery(new RequestLogFilter(fixture.Week, EmailContains: "ALICE@")));

        Assert.Equal(2, page.TotalCount);
        Assert.All(page.Rows, r => Assert.Equal("alice@example.com", r.Email));
        Assert.Equal([ResetRequestStatus.Throttled, ResetRequestStatus.Completed], page.Rows.Select(r => r.Status));
    }

    [Fact]
    public async Task Log_WildcardCharacters_AreMatchedLiterally()
    {
        var page = await Log.GetLogPageAsync(new RequestLogQuery(new RequestLogFilter(fixture.Week, EmailContains: "%")));

        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Rows);
    }

    [Fact]
    public async Task Log_StatusAndIpFilters_Combine()
    {
        var completed = await Log.GetLogPageAsync(new RequestLogQuery(new RequestLogFilter(fixture.Week, Status: ResetRequestStatus.Completed)));
        var fromIp = await Log.GetLogPageAsync(new RequestLogQuery(new RequestLogFilter(fixture.Week, Status: ResetRequestStatus.Completed, IpAddress: "192.0.2.1")));

        Assert.Equal(4, completed.TotalCount);
        Assert.Equal(["bob@example.com", "alice@example.com"], fromIp.Rows.Select(r => r.Email));
    }

    [Fact]
    public async Task Log_SortByTimeToCompleteDescending_SlowestFirstWithDurationAndBrowser()
    {
        var page = await Log.GetLogPageAsync(new RequestLogQuery(new RequestLogFilter(fixture.Week), RequestLogSort.TimeToComplete, Descending: true, PageSize: 2));

        Assert.Equal(9, page.TotalCount);
        Assert.Equal(["dave@example.com", "carol@example.com"], page.Rows.Select(r => r.Email));
        Assert.Equal(TimeSpan.FromMinutes(20), page.Rows[0].TimeToComplete);
        Assert.Equal("Firefox", page.Rows[0].Browser);
    }

    [Fact]
    public async Task Log_SecondPage_ContinuesNewestFirst()
    {
        var first = await Log.GetLogPageAsync(new RequestLogQuery(new RequestLogFilter(fixture.Week), PageSize: 4));
        var second = await Log.GetLogPageAsync(new RequestLogQuery(new RequestLogFilter(fixture.Week), Page: 1, PageSize: 4));

        Assert.Equal(4, second.Rows.Count);
        Assert.True(first.Rows[^1].CreatedAt >= second.Rows[0].CreatedAt);
        Assert.Empty(first.Rows.Select(r => r.Id).Intersect(second.Rows.Select(r => r.Id)));
    }

    [Fact]
    public async Task WatchList_Thresholds_ListsHotAccountAndIp()
    {
        var watch = await Queries.GetWatchListAsync(fixture.Week);

        Assert.Equal(
            [new WatchListEntry(WatchKind.Account, "alice@example.com", 2), new WatchListEntry(WatchKind.IpAddress, "192.0.2.1", 3)],
            watch);
    }

    [Fact]
    public async Task Timeline_Request_EventsInOrder()
    {
        var timeline = await Log.GetTimelineAsync(fixture.Bob.Id);

        Assert.Equal([Requested, EmailQueued, EmailSent, LinkOpened, RejectedByPolicy, Completed], timeline.Select(e => e.Type));
        Assert.Equal(A.AddHours(1), timeline[0].OccurredAt);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public PortalAppFactory Factory { get; } = new();

        /// <summary>Start of the known week (recent, so the retention job never touches it).</summary>
        public DateTimeOffset T0 { get; } = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-10);

        public DateTimeOffset A => T0.AddDays(1).AddHours(9);

        public ActivityRange Week => new(T0, T0.AddDays(7));

        public ResetRequest Bob { get; private set; } = default!;

        public async ValueTask InitializeAsync()
        {
            Factory.Settings["StaffDashboard:WatchAccountThreshold"] = "2";
            Factory.Settings["StaffDashboard:WatchIpThreshold"] = "3";
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalApp.Data.PortalDbContext>();
            (ResetActivityType, TimeSpan)[] sent = [(EmailQueued, Min(0.05)), (EmailSent, Min(0.2))];

            await AddRequestAsync(db, A, "alice@example.com", "192.0.2.1", [.. sent, (LinkOpened, Min(2)), (Completed, Min(4)), (InvalidLink, Min(60))]);
            Bob = await AddRequestAsync(db, A.AddHours(1), "bob@example.com", "192.0.2.1", [.. sent, (LinkOpened, Min(3)), (RejectedByPolicy, Min(5)), (Completed, Min(6))]);
            await AddRequestAsync(db, A.AddHours(2), "carol@example.com", "192.0.2.2", [.. sent, (LinkOpened, Min(3)), (Completed, Min(10))]);
            await AddRequestAsync(db, A.AddDays(1), "dave@example.com", "192.0.2.3", [.. sent, (LinkOpened, Min(3)), (Completed, Min(20))]);
            await AddRequestAsync(db, T0.AddDays(-2), "erin@example.com", "192.0.2.1", [.. sent, (LinkOpened, Min(1)), (Completed, Min(2))]);
            await AddRequestAsync(db, A.AddDays(3), "nobody@example.com", "192.0.2.4", (UnknownAccount, Min(0.01)));
            await AddRequestAsync(db, A.AddDays(3).AddMinutes(1), "alice@example.com", "192.0.2.1", (Throttled, Min(0.01)));
            await AddRequestAsync(db, A.AddDays(3).AddMinutes(2), "frank@example.com", "192.0.2.5", (EmailQueued, Min(0.05)), (EmailFailed, Min(5)));
            await AddRequestAsync(db, A.AddDays(3).AddMinutes(3), "gina@example.com", "192.0.2.6", [.. sent, (LinkExpired, Min(61)), (ExpiredLinkUsed, Min(120))]);
            await AddRequestAsync(db, A.AddDays(3).AddMinutes(4), "hank@example.com", "192.0.2.7", [.. sent, (LinkOpened, Min(5)), (LinkExpired, Min(61))]);
        }

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }
}
