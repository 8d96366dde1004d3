using Microsoft.Extensions.Options;

namespace PortalApp.Features.HelpCenter;

/// <summary>Checked at start (ValidateOnStart), so a bad setting stops the app with a message naming it.</summary>
internal sealed class SupportRequestOptionsValidator : IValidateOptions<SupportRequestOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportRequestOptions options)
        => options.RetentionPeriod < TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Fail("SupportRequests:RetentionPeriod must be at least one day (e.g. 730.00:00:00).")
            : ValidateOptionsResult.Success;
}
