using Microsoft.Extensions.Options;
using PortalApp.Data;

namespace PortalApp.Features.Passwords;

internal sealed class PasswordPolicyOptionsValidator : IValidateOptions<PasswordPolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, PasswordPolicyOptions options)
    {
        var failures = new List<string>();
        Range(failures, "MinLength", options.MinLength, 1, PortalLimits.PasswordMaxLength);
        Range(failures, "MaxLength", options.MaxLength, 1, PortalLimits.PasswordMaxLength);
        Range(failures, "MinGuessabilityScore", options.MinGuessabilityScore, 0, 4);
        Range(failures, "StrengthInputCap", options.StrengthInputCap, 16, PortalLimits.PasswordMaxLength);
        if (options.MinLength > options.MaxLength)
        {
            failures.Add("PasswordPolicy:MinLength must not exceed PasswordPolicy:MaxLength.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"PasswordPolicy:{setting} must be between {min} and {max}.");
        }
    }
}
