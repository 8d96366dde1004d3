using PortalApp.Features.PasswordReset;
using PortalApp.Features.Staff;

namespace PortalApp.Tests.Staff;

/// <summary>The dashboard link's state, which the page and the CSV export both read: round trips and tampered input.</summary>
public sealed class DashboardQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);

    public static TheoryData<DashboardQuery> Queries => new()
    {
        new DashboardQuery(),
        new DashboardQuery { Range = ActivityRangePreset.Last24Hours },
        new DashboardQuery { Range = ActivityRangePreset.Last30Days, Email = "alex+test@example.com", Status = ResetRequestStatus.EmailFailed },
        new DashboardQuery().WithDays(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 4)) with { Ip = "2001:db8::1" },
        new DashboardQuery { Email = "a&b=c@example.com", Status = ResetRequestStatus.Completed, Ip = "192.0.2.1" },
        new DashboardQuery { Email = "ünïcødé@example.com" }.PinnedTo(new ActivityRange(Now.AddDays(-7), Now)),
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void ToQueryString_ParsedBack_SameQuery(DashboardQuery query)
    {
        Assert.Equal(query, DashboardQuery.Parse(query.ToQueryString()));
    }

    [Fact]
    public void ToQueryString_Default_Empty()
    {
        Assert.Equal("", new DashboardQuery().ToQueryString());
    }

    [Fact]
    public void ToQueryString_PageLinks_KeepTheirFormat()
    {
        var custom = new DashboardQuery { Email = "hammered@example.com", Status = ResetRequestStatus.Throttled }.WithDays(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 7));

        Assert.Equal("?range=custom&from=2026-03-01&to=2026-03-07&email=hammered%40example.com&status=Throttled", custom.ToQueryString());
        Assert.Equal("?range=24h&ip=192.0.2.1", new DashboardQuery { Range = ActivityRangePreset.Last24Hours, Ip = "192.0.2.1" }.ToQueryString());
    }

    [Fact]
    public void PinnedTo_ExportLink_KeepsItsFormatAndReadsAsTheSameRows()
    {
        var page = DashboardQuery.Parse("?range=30d&email=alex&status=Completed&ip=192.0.2.1");
        var shown = page.FilterAt(Now);

        var export = StaffEndpoints.ExportUrl(page.PinnedTo(shown.Range));

        Assert.Equal("staff/reset-activity/export.csv?from=2026-02-08T15%3A30%3A00.0000000Z&to=2026-03-10T15%3A30%3A00.0000000Z&email=alex&status=Completed&ip=192.0.2.1", export);
        Assert.Equal(shown, DashboardQuery.Parse(export[export.IndexOf('?')..]).FilterAt(Now.AddMinutes(5)));
    }

    [Fact]
    public void FilterAt_CustomDays_WholeUtcDaysThroughTheLast()
    {
        var filter = DashboardQuery.Parse("?range=custom&from=2026-03-04&to=2026-03-01").FilterAt(Now);

        Assert.Equal(new ActivityRange(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero)), filter.Range);
    }

    [Fact]
    public void Parse_CustomWithoutEnd_OneDay()
    {
        var query = DashboardQuery.Parse("?range=custom&from=2026-03-04");

        Assert.Equal((ActivityRangePreset.Custom, new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 4)), (query.Range, query.FirstDay!.Value, query.LastDay!.Value));
    }

    [Theory]
    [InlineData("?range=week")]
    [InlineData("?range=24H")]
    [InlineData("?range=custom")]
    [InlineData("?range=custom&from=2026-02-30")]
    [InlineData("?range=custom&from=2026-13-01")]
    [InlineData("?range=custom&from=9999-12-31")]
    [InlineData("?range=custom&from=0001-01-01&to=9999-12-30")]
    [InlineData("?range=custom&from=%2B2026-03-01")]
    [InlineData("?range=custom&from=20260301")]
    [InlineData("?from=2026-03-05T00:00:00Z&to=2026-03-01T00:00:00Z")]
    [InlineData("?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z")]
    [InlineData("?from=0001-01-01T00:00:00%2B14:00&to=2026-03-01T00:00:00Z")]
    [InlineData("?from=2026-03-01T00:00:00Z")]
    [InlineData("?range=24h&range=30d")]
    [InlineData("?%zz=%&&&==")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_BadRange_DefaultSevenDaysWithoutThrowing(string? queryString)
    {
        var query = DashboardQuery.Parse(queryString);

        Assert.Equal(ActivityRangePreset.Last7Days, query.Preset);
        Assert.Equal(new ActivityRange(Now.AddDays(-7), Now), query.RangeAt(Now));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("99")]
    [InlineData(" 3")]
    [InlineData("Completed,Expired")]
    [InlineData("NotAStatus")]
    [InlineData("")]
    public void Parse_StatusNotAName_AnyStatus(string status)
    {
        Assert.Null(DashboardQuery.Parse("?status=" + Uri.EscapeDataString(status)).Status);
    }

    [Fact]
    public void Parse_StatusNameInAnyCase_ThatStatus()
    {
        Assert.Equal(ResetRequestStatus.LinkOpened, DashboardQuery.Parse("?status=linkopened").Status);
    }

    [Fact]
    public void Parse_OverLongText_Dropped()
    {
        var email = new string('a', ResetLimits.EmailMaxLength - 12) + "@example.com";
        var ip = new string('1', ResetLimits.IpMaxLength);

        var fits = DashboardQuery.Parse($"?email={email}&ip={ip}");
        var over = DashboardQuery.Parse($"?email=a{email}&ip=1{ip}&range=custom&from={new string('2', 5000)}");

        Assert.Equal((email, ip), (fits.Email, fits.Ip));
        Assert.Equal((null, null, ActivityRangePreset.Last7Days), (over.Email, over.Ip, over.Range));
    }

    [Fact]
    public void Parse_BlankText_Dropped()
    {
        var query = DashboardQuery.Parse("?email=%20%20&ip=");

        Assert.Equal((null, null), (query.Email, query.Ip));
    }

    [Fact]
    public void WithPreset_Custom_StartsOnTheLastSevenDays()
    {
        var query = new DashboardQuery { Email = "alex" }.WithPreset(ActivityRangePreset.Custom, new DateOnly(2026, 3, 10));

        Assert.Equal((new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 10), "alex"), (query.FirstDay!.Value, query.LastDay!.Value, query.Email));
    }

    [Fact]
    public void Watching_IpEntry_NarrowsToThatIpAndDropsOtherFilters()
    {
        var query = new DashboardQuery { Range = ActivityRangePreset.Last30Days, Email = "alex", Status = ResetRequestStatus.Completed };

        var watching = query.Watching(new WatchListEntry(WatchKind.IpAddress, "203.0.113.66", 40));

        Assert.Equal("?range=30d&ip=203.0.113.66", watching.ToQueryString());
    }
}
