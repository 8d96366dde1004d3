using Microsoft.Extensions.Options;
using PortalApp.Platform.Retention;

namespace PortalApp.Features.Account;

internal sealed class AccountOptionsValidator : IValidateOptions<AccountOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        var failures = new List<string>();
        if (options.SessionRevalidationInterval <= TimeSpan.Zero || options.SessionRevalidationInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add("Account:SessionRevalidationInterval must be more than zero and at most 00:01:00 (a reset must sign other sessions out within a minute).");
        }

        if (options.PasswordHashIterations < 100_000)
        {
            failures.Add("Account:PasswordHashIterations must be at least 100000.");
        }

        if (options.MaxFailedSignInAttempts is < 1 or > 100)
        {
            failures.Add("Account:MaxFailedSignInAttempts must be between 1 and 100.");
        }

        if (options.LockoutDuration <= TimeSpan.Zero || options.LockoutDuration > TimeSpan.FromDays(1))
        {
            failures.Add("Account:LockoutDuration must be more than zero and at most 1.00:00:00.");
        }

        if (options.FirstSignInWait <= TimeSpan.Zero || options.FirstSignInWait > options.LockoutDuration)
        {
            failures.Add("Account:FirstSignInWait must be more than zero and at most Account:LockoutDuration.");
        }

        if (RetentionSweeps.PeriodProblem("Account:SecurityEventRetentionPeriod", options.SecurityEventRetentionPeriod, 365) is { } retention)
        {
            failures.Add(retention);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
