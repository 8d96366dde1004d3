using Microsoft.Extensions.Options;
using PortalApp.Platform.Retention;

namespace PortalApp.Features.HelpCenter;

/// <summary>Checked at start (ValidateOnStart), so a bad setting stops the app with a message naming it.</summary>
internal sealed class SupportRequestOptionsValidator : IValidateOptions<SupportRequestOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportRequestOptions options)
        => RetentionSweeps.PeriodProblem("SupportRequests:RetentionPeriod", options.RetentionPeriod, 730) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
