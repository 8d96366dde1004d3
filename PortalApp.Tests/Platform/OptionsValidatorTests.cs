using PortalApp.Features.Account;
using PortalApp.Features.Passwords;
using PortalApp.Platform.RateLimiting;

namespace PortalApp.Tests.Platform;

public sealed class OptionsValidatorTests
{
    [Fact]
    public void AccountOptions_Defaults_AreValid()
        => Assert.True(new AccountOptionsValidator().Validate(null, new AccountOptions()).Succeeded);

    [Theory]
    [InlineData(0, 210_000, 5, 15)]
    [InlineData(120, 210_000, 5, 15)]
    [InlineData(30, 99_999, 5, 15)]
    [InlineData(30, 210_000, 0, 15)]
    [InlineData(30, 210_000, 5, 0)]
    public void AccountOptions_OutOfRange_FailsNamingTheSetting(int revalidateSeconds, int iterations, int attempts, int lockoutMinutes)
    {
        var result = new AccountOptionsValidator().Validate(null, new AccountOptions
        {
            SessionRevalidationInterval = TimeSpan.FromSeconds(revalidateSeconds),
            PasswordHashIterations = iterations,
            MaxFailedSignInAttempts = attempts,
            LockoutDuration = TimeSpan.FromMinutes(lockoutMinutes),
        });

        Assert.True(result.Failed);
        Assert.StartsWith("Account:", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordPolicyOptions_MinAboveMax_Fails()
    {
        var result = new PasswordPolicyOptionsValidator().Validate(null, new PasswordPolicyOptions { MinLength = 20, MaxLength = 10 });

        Assert.True(result.Failed);
        Assert.Contains("PasswordPolicy:MinLength must not exceed PasswordPolicy:MaxLength", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2, 32)]
    [InlineData(8, 5, 32)]
    [InlineData(8, 2, 4)]
    public void PasswordPolicyOptions_OutOfRange_FailsNamingTheSetting(int minLength, int score, int cap)
    {
        var result = new PasswordPolicyOptionsValidator().Validate(null, new PasswordPolicyOptions { MinLength = minLength, MinGuessabilityScore = score, StrengthInputCap = cap });

        Assert.True(result.Failed);
        Assert.StartsWith("PasswordPolicy:", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordPolicyOptions_Defaults_AreValid()
        => Assert.True(new PasswordPolicyOptionsValidator().Validate(null, new PasswordPolicyOptions()).Succeeded);

    [Fact]
    public void RateLimitingOptions_ZeroPermits_FailsNamingTheRule()
    {
        var options = new RateLimitingOptions();
        options.ForgotPassword.PermitLimit = 0;

        var result = new RateLimitingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("RateLimiting:ForgotPassword:", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("RateLimiting:SignIn:", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RateLimitingOptions_Defaults_AreValid()
        => Assert.True(new RateLimitingOptionsValidator().Validate(null, new RateLimitingOptions()).Succeeded);
}
