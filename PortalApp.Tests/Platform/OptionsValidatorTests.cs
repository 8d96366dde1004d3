using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using PortalApp.Features.Account;
using PortalApp.Features.Email;
using PortalApp.Features.Passwords;
using PortalApp.Platform.Hosting;
using PortalApp.Platform.RateLimiting;

namespace PortalApp.Tests.Platform;

public sealed class OptionsValidatorTests
{
    [Theory]
    [InlineData("Production", "http://portal.example.com/", false, false)]
    [InlineData("Staging", "http://portal.example.com/", false, false)]
    [InlineData("Production", "http://portal.example.com/", true, true)]
    [InlineData("Production", "https://portal.example.com/", false, true)]
    [InlineData("Development", "http://localhost:5000/", false, true)]
    public void PortalOptions_HttpBaseUrlOutsideDevelopment_IsRefusedUnlessInsecureTransportAllowed(string environment, string url, bool allowInsecure, bool valid)
    {
        var result = new PortalOptionsValidator(Environment(environment))
            .Validate(null, new PortalOptions { PublicBaseUrl = url, AllowInsecureTransport = allowInsecure });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.StartsWith("Portal:PublicBaseUrl must be an https URL", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("Portal:AllowInsecureTransport", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Production", SmtpSecurity.Auto, false, false)]
    [InlineData("Production", SmtpSecurity.None, false, false)]
    [InlineData("Production", SmtpSecurity.StartTls, false, true)]
    [InlineData("Production", SmtpSecurity.SslOnConnect, false, true)]
    [InlineData("Production", SmtpSecurity.None, true, true)]
    [InlineData("Development", SmtpSecurity.None, false, true)]
    public void EmailOptions_SmtpWithoutTlsOutsideDevelopment_IsRefusedUnlessInsecureTransportAllowed(string environment, SmtpSecurity security, bool allowInsecure, bool valid)
    {
        var validator = new EmailOptionsValidator(Environment(environment), Options.Create(new PortalOptions { AllowInsecureTransport = allowInsecure }));

        var result = validator.Validate(null, new EmailOptions
        {
            From = "Customer Portal <no-reply@example.com>",
            Transport = EmailTransportKind.Smtp,
            Smtp = new SmtpOptions { Host = "smtp.example.com", Security = security },
        });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.StartsWith("Email:Smtp:Security must be StartTls or SslOnConnect", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SmtpOptions_Default_IsStartTls()
        => Assert.Equal(SmtpSecurity.StartTls, new SmtpOptions().Security);

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

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
