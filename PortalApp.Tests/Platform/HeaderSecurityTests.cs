using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Platform;

/// <summary>Security headers on every response, cookie flags, and Host-header handling.</summary>
[Trait("Category", "Security")]
public sealed class HeaderSecurityTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("/", "strict-origin-when-cross-origin")]
    [InlineData("/Account/Login", "strict-origin-when-cross-origin")]
    [InlineData("/help", "strict-origin-when-cross-origin")]
    [InlineData("/healthz", "strict-origin-when-cross-origin")]
    [InlineData("/css/portal.css", "strict-origin-when-cross-origin")]
    [InlineData("/no-such-page", "strict-origin-when-cross-origin")]
    [InlineData("/Account/ForgotPassword", "no-referrer")]
    [InlineData("/Account/ResetPassword?token=abc", "no-referrer")]
    public async Task Response_AnyPage_CarriesTheSecurityHeaders(string path, string referrerPolicy)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[] { "default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "connect-src 'self';" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }

        // 'self' covers the circuit's same-origin WebSocket (CSP Level 3); bare ws:/wss: would allow any host.
        Assert.DoesNotContain("ws:", csp, StringComparison.Ordinal);

        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9_-]{22}';", csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(referrerPolicy, Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "No HSTS in Development.");
    }

    [Fact]
    public async Task ImportMap_EveryResponse_UsesAFreshNonceThatMatchesTheHeader()
    {
        using var client = factory.CreateClient();

        var first = await client.GetAsync("/Account/Login");
        var second = await client.GetAsync("/Account/Login");

        var nonce = NonceOf(first);
        Assert.NotEqual(nonce, NonceOf(second));
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ForeignHostHeader_IsRejected()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/ForgotPassword");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_ForeignHostHeaderAllowed_EmailedLinkStillUsesPublicBaseUrl()
    {
        using var open = new PortalAppFactory();
        open.Settings["AllowedHosts"] = "*";
        using var client = PortalSignIn.AnonymousClient(open);
        client.DefaultRequestHeaders.Host = "evil.example";

        var response = await StaticForm.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "customer@example.com" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = await Poll.UntilAsync(() => Task.FromResult(Mail.ReadPickup(open.PickupDirectory)), m => m.Count > 0, "the reset email");
        var link = Mail.LinkStartingWith(mail[0], "http://portal.test/Account/ResetPassword?token=");
        Assert.DoesNotContain("evil.example", mail[0].TextBody + mail[0].HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(link);
    }

    [Fact]
    public async Task Production_HttpsResponses_SendHstsAndSecureHttpOnlySameSiteCookies()
    {
        using var production = new PortalAppFactory { EnvironmentName = "Production" };
        production.Settings["Portal:PublicBaseUrl"] = "https://portal.test/";
        production.Settings["AllowedHosts"] = "portal.test";
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.test"), AllowAutoRedirect = false, HandleCookies = true });

        var page = await client.GetAsync("/Account/Login");
        Assert.Contains("max-age=", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var signIn = await StaticForm.SubmitAsync(client, "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "customer@example.com",
            ["Input.Password"] = PortalApp.Features.Account.DemoDataSeeder.DemoPassword,
        });

        var theme = await StaticForm.SubmitToAsync(client, "/", "preferences/theme");

        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).Concat(theme.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("portal.visitor=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("portal.theme=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    private static string NonceOf(HttpResponseMessage response)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var start = csp.IndexOf("'nonce-", StringComparison.Ordinal) + "'nonce-".Length;
        return csp[start..csp.IndexOf('\'', start)];
    }
}
