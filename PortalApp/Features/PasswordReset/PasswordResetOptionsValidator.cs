using Microsoft.Extensions.Options;

namespace PortalApp.Features.PasswordReset;

/// <summary>Checked at start (ValidateOnStart), so a bad setting stops the app with a message naming it.</summary>
internal sealed class PasswordResetOptionsValidator : IValidateOptions<PasswordResetOptions>
{
    public ValidateOptionsResult Validate(string? name, PasswordResetOptions options)
    {
        var errors = new List<string>();
        if (options.LinkLifetime <= TimeSpan.Zero || options.LinkLifetime > TimeSpan.FromDays(1))
        {
            errors.Add("PasswordReset:LinkLifetime must be more than zero and at most one day (e.g. 01:00:00).");
        }

        if (options.MaxLinksPerAccount < 1 || options.AccountWindow <= TimeSpan.Zero)
        {
            errors.Add("PasswordReset:MaxLinksPerAccount and AccountWindow must be positive.");
        }

        if (options.MaxRequestsPerIp < 1 || options.IpWindow <= TimeSpan.Zero)
        {
            errors.Add("PasswordReset:MaxRequestsPerIp and IpWindow must be positive.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            errors.Add("PasswordReset:PollInterval must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
