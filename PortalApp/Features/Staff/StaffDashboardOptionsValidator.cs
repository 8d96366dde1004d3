using Microsoft.Extensions.Options;
using PortalApp.Platform.Retention;

namespace PortalApp.Features.Staff;

/// <summary>Checked at start (ValidateOnStart), so a bad setting stops the app with a message naming it.</summary>
internal sealed class StaffDashboardOptionsValidator : IValidateOptions<StaffDashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffDashboardOptions options)
    {
        var errors = new List<string>();
        if (options.WatchAccountThreshold < 1 || options.WatchIpThreshold < 1)
        {
            errors.Add("StaffDashboard:WatchAccountThreshold and WatchIpThreshold must be at least 1.");
        }

        if (RetentionSweeps.PeriodProblem("StaffDashboard:RetentionPeriod", options.RetentionPeriod, 180) is { } retention)
        {
            errors.Add(retention);
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
