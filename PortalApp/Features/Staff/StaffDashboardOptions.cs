namespace PortalApp.Features.Staff;

public sealed class StaffDashboardOptions
{
    public const string Section = "StaffDashboard";

    /// <summary>An address with at least this many reset requests in the selected range goes on the watch list.</summary>
    public int WatchAccountThreshold { get; set; } = 5;

    /// <summary>An IP address with at least this many reset requests in the selected range goes on the watch list.</summary>
    public int WatchIpThreshold { get; set; } = 20;

    /// <summary>Activity events (and finished requests) older than this are purged.</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How often the retention job runs.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Seed a few weeks of synthetic reset activity where <c>Seed:DemoData</c> is on (tests that count events turn it off).</summary>
    public bool SeedDemoActivity { get; set; } = true;

    /// <summary>An open dashboard refreshes at most once per this interval however much activity arrives.</summary>
    public TimeSpan LiveRefreshInterval { get; set; } = TimeSpan.FromMilliseconds(750);
}
