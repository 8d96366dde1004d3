using Bunit;
using PortalApp.Features.PasswordReset;
using PortalApp.Features.Staff;
using PortalApp.Features.Staff.Components;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Staff;

public sealed class DashboardKpiCardsTests : BunitTestBase
{
    [Fact]
    public void KpiCards_Kpis_EachNumberUnderItsTestId()
    {
        var kpis = new ResetKpis(Requested: 1234, Emailed: 1100, Completed: 800, Expired: 90, Failed: 25, Throttled: 12, Unknown: 100, CompletionRate: 0.7273, MedianTimeToComplete: TimeSpan.FromSeconds(252));

        var cut = Render<ResetKpiCards>(p => p.Add(c => c.Kpis, kpis));

        string Text(string name) => cut.Find($"[data-testid='kpi-{name}']").TextContent;
        Assert.Equal("1234", Text("requested"));
        Assert.Equal("1100", Text("emailed"));
        Assert.Equal("800", Text("completed"));
        Assert.Equal("90", Text("expired"));
        Assert.Equal("25", Text("failed"));
        Assert.Equal("12", Text("throttled"));
        Assert.Equal("100", Text("unknown"));
        Assert.Equal("73%", Text("completion-rate").Replace(" ", ""));
        Assert.Equal("4 min 12 s", Text("median-time"));
    }

    [Fact]
    public void KpiCards_NoCompletions_ShowDashesNotZeroRate()
    {
        var cut = Render<ResetKpiCards>(p => p.Add(c => c.Kpis, ResetKpis.Empty));

        Assert.Equal("0", cut.Find("[data-testid='kpi-requested']").TextContent);
        Assert.Equal("—", cut.Find("[data-testid='kpi-completion-rate']").TextContent);
        Assert.Equal("—", cut.Find("[data-testid='kpi-median-time']").TextContent);
    }
}

public sealed class DashboardRequestLogTableTests : BunitTestBase, IAsyncLifetime
{
    private static readonly RequestLogFilter Filter = new(new ActivityRange(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.Zero)));

    private readonly List<RequestLogQuery> queries = [];

    private static readonly RequestLogRow[] Rows =
    [
        new(Guid.NewGuid(), new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), "<script>alert(1)</script>@example.com", ResetRequestStatus.Throttled, "203.0.113.66", "Firefox", null),
        new(Guid.NewGuid(), new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), "alex@example.com", ResetRequestStatus.Completed, "192.0.2.1", "Chrome", TimeSpan.FromMinutes(6)),
    ];

    [Fact]
    public void Grid_FirstPage_RowsWithStatusBrowserAndDuration()
    {
        var cut = RenderGrid();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));
        var cells = cut.FindAll("tbody tr")[1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["2026-03-02 09:00:00", "alex@example.com", "Completed", "192.0.2.1", "Chrome", "6 min 0 s"], cells.Take(6));
        Assert.Equal(new RequestLogQuery(Filter, RequestLogSort.Time, Descending: true, Page: 0, PageSize: 25), queries[0]);
    }

    [Fact]
    public void Grid_CustomerSuppliedEmail_RenderedAsTextNotMarkup()
    {
        var cut = RenderGrid();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid='log-email']").Count));
        Assert.Empty(cut.FindAll("tbody script"));
        Assert.Equal("<script>alert(1)</script>@example.com", cut.FindAll("[data-testid='log-email']")[0].TextContent);
        Assert.Contains("&lt;script&gt;", cut.Markup);
    }

    [Fact]
    public void Grid_ClickSortOnTimeToComplete_QueriesServerWithThatSort()
    {
        var cut = RenderGrid();
        cut.WaitForAssertion(() => Assert.Single(queries));

        cut.FindAll("th .mud-table-sort-label").Single(h => h.TextContent.Contains("Time to complete")).Click();

        cut.WaitForAssertion(() => Assert.Equal(RequestLogSort.TimeToComplete, queries[^1].Sort));
        Assert.False(queries[^1].Descending);
    }

    [Fact]
    public void Grid_ClickRow_OpensThatRequest()
    {
        RequestLogRow? opened = null;
        var cut = RenderGrid(row => opened = row);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));

        cut.FindAll("tbody tr")[1].Click();

        Assert.Equal(Rows[1], opened);
    }

    [Fact]
    public void Grid_NewFilter_ReloadsFromServer()
    {
        var cut = RenderGrid();
        cut.WaitForAssertion(() => Assert.Single(queries));

        var narrowed = Filter with { EmailContains = "alex", Status = ResetRequestStatus.Completed };
        cut.Render(p => p.Add(c => c.Filter, narrowed));

        cut.WaitForAssertion(() => Assert.Equal(narrowed, queries[^1].Filter));
    }

    [Fact]
    public void Grid_NewFilterOnLaterPage_StartsAgainOnFirstPage()
    {
        var cut = RenderGrid();
        cut.WaitForAssertion(() => Assert.Single(queries));
        cut.Find("button[aria-label='Next page']").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, queries[^1].Page));

        cut.Render(p => p.Add(c => c.Filter, Filter with { Status = ResetRequestStatus.Expired }));

        cut.WaitForAssertion(() => Assert.Equal((0, ResetRequestStatus.Expired), (queries[^1].Page, queries[^1].Filter.Status)));
    }

    [Fact]
    public void Grid_LiveRefreshOfMovingWindowOnLaterPage_StaysOnThatPage()
    {
        var cut = RenderGrid();
        cut.WaitForAssertion(() => Assert.Single(queries));
        cut.Find("button[aria-label='Next page']").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, queries[^1].Page));

        var moved = Filter with { Range = new ActivityRange(Filter.Range.From.AddSeconds(5), Filter.Range.To.AddSeconds(5)) };
        cut.Render(p => p.Add(c => c.Filter, moved));

        cut.WaitForAssertion(() => Assert.Equal(moved, queries[^1].Filter));
        Assert.Equal(1, queries[^1].Page);
    }

    // MudBlazor's popover services only dispose asynchronously: xunit disposes the context through its (inherited) DisposeAsync.
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    private IRenderedComponent<RequestLogTable> RenderGrid(Action<RequestLogRow>? onOpen = null)
    {
        Render<MudBlazor.MudPopoverProvider>();
        return Render<RequestLogTable>(p => p
            .Add(c => c.Filter, Filter)
            .Add(c => c.LoadPage, (query, _) =>
            {
                queries.Add(query);
                return Task.FromResult(new RequestLogPage(Rows, 57));
            })
            .Add(c => c.OnOpen, (RequestLogRow row) => onOpen?.Invoke(row)));
    }
}
