using Microsoft.Extensions.Options;

namespace PortalApp.Platform.RateLimiting;

internal sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        var failures = Enum.GetValues<AccountAction>()
            .Where(action => options.For(action) is not { PermitLimit: > 0 and <= 1_000_000 } rule
                || rule.Window <= TimeSpan.Zero || rule.Window > TimeSpan.FromDays(1))
            .Select(action => $"RateLimiting:{action}:PermitLimit must be between 1 and 1000000 and RateLimiting:{action}:Window between 00:00:00 and 1.00:00:00.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
