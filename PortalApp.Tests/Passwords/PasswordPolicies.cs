using Microsoft.Extensions.Options;
using PortalApp.Features.Passwords;

namespace PortalApp.Tests.Passwords;

/// <summary>One warmed-up policy for the whole test run: the list and zxcvbn's dictionaries load once.</summary>
internal static class PasswordPolicies
{
    private static readonly Lazy<PasswordPolicy> Shared = new(() => Create());

    public static PasswordPolicy Default => Shared.Value;

    public static PasswordPolicy Create(Action<PasswordPolicyOptions>? configure = null)
    {
        var options = new PasswordPolicyOptions();
        configure?.Invoke(options);
        return new PasswordPolicy(Options.Create(options));
    }
}
