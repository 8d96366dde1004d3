using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Features.Account;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Clients;
using PortalApp.Platform.RateLimiting;
using PortalApp.Platform.Security;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Platform;

/// <summary>Per-IP limits on the account actions; a limited answer is the same whoever the address belongs to.</summary>
[Trait("Category", "Security")]
public sealed class RateLimitSecurityTests : IDisposable
{
    private const int Limit = 3;
    private readonly PortalAppFactory factory = new();

    public RateLimitSecurityTests()
    {
        foreach (var action in Enum.GetValues<AccountAction>())
        {
            factory.Settings[$"RateLimiting:{action}:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            factory.Settings[$"RateLimiting:{action}:Window"] = "00:10:00";
        }
    }

    [Fact]
    public async Task Login_OverLimit_Answers429WithTheSamePageForKnownAndUnknownAddresses()
    {
        await TestUsers.CreateAsync(factory.Services, "limit-login@example.com");
        using var client = PortalSignIn.AnonymousClient(factory);
        for (var i = 0; i < Limit; i++)
        {
            var allowed = await LoginAsync(client, "limit-login@example.com", "Wrong-Passw0rd!");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var known = await LoginAsync(client, "limit-login@example.com", TestUsers.Password);
        var unknown = await LoginAsync(client, "nobody-limit@example.com", TestUsers.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, known.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, unknown.StatusCode);
        Assert.False(known.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("portal.auth=", StringComparison.Ordinal)));
        var knownBody = await known.Content.ReadAsStringAsync();
        Assert.Equal(knownBody, await unknown.Content.ReadAsStringAsync());
        Assert.Contains(AccountRateLimiting.TooManyAttemptsMessage, knownBody, StringComparison.Ordinal);
        Assert.True(known.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task ForgotPassword_OverLimit_Answers429AndRecordsNoRequest()
    {
        using var client = PortalSignIn.AnonymousClient(factory);
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostForgotAsync(client, "customer@example.com")).StatusCode);
        }

        var known = await PostForgotAsync(client, "customer@example.com");
        var unknown = await PostForgotAsync(client, "nobody-forgot@example.com");

        Assert.Equal(HttpStatusCode.TooManyRequests, known.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(Limit, await factory.WithDbAsync(db => db.ResetRequests.CountAsync()));
    }

    [Fact]
    public async Task ResendConfirmation_OverLimit_Answers429()
    {
        await TestUsers.CreateAsync(factory.Services, "limit-resend@example.com", confirmed: false);
        using var client = PortalSignIn.AnonymousClient(factory);
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostResendAsync(client, "limit-resend@example.com")).StatusCode);
        }

        var known = await PostResendAsync(client, "limit-resend@example.com");
        var unknown = await PostResendAsync(client, "nobody-resend@example.com");

        Assert.Equal(HttpStatusCode.TooManyRequests, known.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Register_OverLimitFromOneAddress_SameAnswerForExistingAndNewEmail_OtherAddressUnaffected()
    {
        await TestUsers.CreateAsync(factory.Services, "limit-register@example.com");
        var attacker = new ClientInfo("203.0.113.7", "fuzzer");
        for (var i = 0; i < Limit; i++)
        {
            Assert.True((await RegisterAsync($"new-{i}@example.com", attacker)).Succeeded);
        }

        var existing = await RegisterAsync("limit-register@example.com", attacker);
        var fresh = await RegisterAsync("brand-new@example.com", attacker);
        var neighbour = await RegisterAsync("neighbour@example.com", new ClientInfo("198.51.100.9", "browser"));

        Assert.False(existing.Succeeded);
        Assert.Equal(existing.Errors, fresh.Errors);
        Assert.Equal([AccountRateLimiting.TooManyAttemptsMessage], existing.Errors);
        Assert.Null(await TestUsers.FindAsync(factory.Services, "brand-new@example.com"));
        Assert.True(neighbour.Succeeded);
    }

    [Fact]
    public async Task ResetSubmit_OverLimitFromOneAddress_AnswersTooManyAttemptsBeforeLookingAtTheToken()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var resets = scope.ServiceProvider.GetRequiredService<ResetPasswordService>();
        var attacker = new ClientInfo("203.0.113.8", "fuzzer");
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(ResetOutcome.Invalid, (await resets.CompleteAsync($"guess-{i}", "Harbor-Lantern-Quartz-92", attacker)).Outcome);
        }

        var limited = await resets.CompleteAsync("guess-x", "Harbor-Lantern-Quartz-92", attacker);
        var other = await resets.CompleteAsync("guess-y", "Harbor-Lantern-Quartz-92", new ClientInfo("198.51.100.10", "browser"));

        Assert.Equal(ResetOutcome.TooManyAttempts, limited.Outcome);
        Assert.Null(limited.Email);
        Assert.Equal(ResetOutcome.Invalid, other.Outcome);
    }

    [Theory]
    [InlineData("RateLimiting:SignIn:PermitLimit", "0")]
    [InlineData("RateLimiting:ForgotPassword:Window", "00:00:00")]
    public void Startup_InvalidLimit_FailsNamingTheSection(string key, string value)
    {
        using var bad = new PortalAppFactory();
        bad.Settings[key] = value;
        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());
        Assert.Contains("RateLimiting:", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => factory.Dispose();

    private async Task<RegistrationResult> RegisterAsync(string email, ClientInfo client)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync("Sam Limit", email, "Harbor-Lantern-Quartz-92", client);
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        StaticForm.SubmitAsync(client, "/Account/Login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static Task<HttpResponseMessage> PostForgotAsync(HttpClient client, string email) =>
        StaticForm.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

    private static Task<HttpResponseMessage> PostResendAsync(HttpClient client, string email) =>
        StaticForm.SubmitAsync(client, "/Account/ResendEmailConfirmation", "resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = email });
}
