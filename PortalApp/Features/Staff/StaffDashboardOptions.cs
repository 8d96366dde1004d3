using Microsoft.Extensions.Options;

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

internal sealed class StaffDashboardOptionsValidator : IValidateOptions<StaffDashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffDashboardOptions options)
    {
        var errors = new List<string>();
        if (options.WatchAccountThreshold < 1 || options.WatchIpThreshold < 1)
        {
            errors.Add("StaffDashboard:WatchAccountThreshold and WatchIpThreshold must be at least 1.");
        }

        if (options.RetentionPeriod < TimeSpan.FromDays(1))
        {
            errors.Add("StaffDashboard:RetentionPeriod must be at least one day (e.g. 180.00:00:00).");
        }

        if (options.RetentionSweepInterval <= TimeSpan.Zero)
        {
            errors.Add("StaffDashboard:RetentionSweepInterval must be positive.");
        }

        if (options.LiveRefreshInterval < TimeSpan.FromMilliseconds(100) || options.LiveRefreshInterval > TimeSpan.FromSeconds(1.5))
        {
            errors.Add("StaffDashboard:LiveRefreshInterval must be between 00:00:00.1 and 00:00:01.5 (new activity must show within 2 seconds).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
