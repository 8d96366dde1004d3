using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

/// <summary>The static SSR login form, posted as a browser would (antiforgery token, cookies, no auto-redirect).</summary>
public sealed class LoginTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string GenericError = "The email or password is incorrect.";

    [Fact]
    public async Task Login_CorrectPassword_RedirectsAndSetsAuthCookie()
    {
        await TestUsers.CreateAsync(factory.Services, "login-ok@example.com", "Robin Success");
        using var client = NewClient();

        var response = await PortalSignIn.SubmitAsync(client, "login-ok@example.com", TestUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.AbsolutePath);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var home = await client.GetStringAsync("/");
        Assert.Contains("Welcome back, Robin Success", home);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsGenericMessageAndNoCookie()
    {
        await TestUsers.CreateAsync(factory.Services, "login-wrong@example.com");
        using var client = NewClient();

        var response = await PortalSignIn.SubmitAsync(client, "login-wrong@example.com", "Wrong-Passw0rd!");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(HasAuthCookie(response));
        var alert = Assert.Single(StaticForm.Alerts(await response.Content.ReadAsStringAsync()));
        Assert.StartsWith(GenericError, alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_UnknownEmail_ShowsTheIdenticalMessage()
    {
        await TestUsers.CreateAsync(factory.Services, "login-known@example.com");
        using var client = NewClient();

        var known = await PortalSignIn.SubmitAsync(client, "login-known@example.com", "Wrong-Passw0rd!");
        var unknown = await PortalSignIn.SubmitAsync(client, "nobody-here@example.com", "Wrong-Passw0rd!");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.False(HasAuthCookie(unknown));
        var unknownAlerts = StaticForm.Alerts(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(StaticForm.Alerts(await known.Content.ReadAsStringAsync()), unknownAlerts);
        Assert.StartsWith(GenericError, Assert.Single(unknownAlerts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_UnconfirmedAccount_CannotSignIn()
    {
        await TestUsers.CreateAsync(factory.Services, "login-unconfirmed@example.com", confirmed: false);
        using var client = NewClient();

        var response = await PortalSignIn.SubmitAsync(client, "login-unconfirmed@example.com", TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(HasAuthCookie(response));
        var alert = Assert.Single(StaticForm.Alerts(await response.Content.ReadAsStringAsync()));
        Assert.StartsWith(GenericError, alert, StringComparison.Ordinal);
        Assert.Contains("Confirm your email first", alert);
    }

    [Fact]
    public async Task Login_EmptyFields_ShowsValidationMessages()
    {
        using var client = NewClient();

        var response = await PortalSignIn.SubmitAsync(client, "", "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your email address.", html);
        Assert.Contains("Enter your password.", html);
        Assert.False(HasAuthCookie(response));
    }

    [Fact]
    public async Task Login_TenThousandCharacterFields_ClearLimitsNoError()
    {
        using var client = NewClient();

        var response = await PortalSignIn.SubmitAsync(client, new string('a', 10_000) + "@example.com", new string('p', 10_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Email can be at most 254 characters.", html);
        Assert.Contains("Password can be at most 128 characters.", html);
        Assert.False(HasAuthCookie(response));
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://localhost.evil.example/")]
    [InlineData("\t//evil.example/phish")]
    public async Task Login_ForeignReturnUrl_RedirectsWithinThePortal(string returnUrl)
    {
        var email = $"login-return-{Guid.NewGuid():N}@example.com";
        await TestUsers.CreateAsync(factory.Services, email);
        using var client = NewClient();

        var response = await StaticForm.SubmitAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal("localhost", location.Host);
        Assert.Equal("/", location.AbsolutePath);
    }

    [Fact]
    public async Task Login_LocalReturnUrl_RedirectsThere()
    {
        await TestUsers.CreateAsync(factory.Services, "login-local-return@example.com");
        using var client = NewClient();

        var response = await StaticForm.SubmitAsync(client, "/Account/Login?ReturnUrl=%2Fdev%2Fmailbox", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "login-local-return@example.com",
            ["Input.Password"] = TestUsers.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dev/mailbox", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Login_PostWithoutAntiforgeryToken_IsRejected()
    {
        using var client = NewClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "customer@example.com",
            ["Input.Password"] = "Portal-Demo-2026!",
        });

        var response = await client.PostAsync("/Account/Login", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(HasAuthCookie(response));
    }

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });


    private static bool HasAuthCookie(HttpResponseMessage response)
        => response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("portal.auth=", StringComparison.Ordinal) && !c.StartsWith("portal.auth=;", StringComparison.Ordinal));
}
