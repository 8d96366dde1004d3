using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.Account;

/// <summary>A reset signs out every other session of the customer: live circuits and cookies (Keycloak's "sessions survive a reset" bug).</summary>
[Trait("Category", "Security")]
[Collection(BrowserCollection.Name)]
public sealed class SessionRevocationSecurityTests(BrowserFixture browser)
{
    private const string Customer = "customer@example.com";
    private const string NewPassword = "Harbor-Lantern-Quartz-92";

    [Fact]
    public async Task PasswordReset_InOneBrowser_SignsOutTheOtherBrowsersLiveCircuitAndCookie()
    {
        await using var server = PortalServer.Start(s => s["Account:SessionRevalidationInterval"] = "00:00:02");
        await using var resetter = await browser.NewContextAsync();
        await using var other = await browser.NewContextAsync();
        var otherPage = await other.NewPageAsync();
        await SignInAsync(await resetter.NewPageAsync(), server);
        await SignInAsync(otherPage, server);
        await BlazorPage.GotoInteractiveAsync(otherPage, server.Url("Account/Manage"));
        await Expect(otherPage).ToHaveURLAsync(server.Url("Account/Manage"));

        var page = await resetter.NewPageAsync();
        await page.GotoAsync(server.Url("Account/ForgotPassword"));
        await new ForgotPasswordPage(page).RequestLinkAsync(Customer);
        var email = await server.Smtp.WaitForOneAsync(Customer, "Reset your");
        await page.GotoAsync(Mail.LinkStartingWith(email, server.Url("Account/ResetPassword?token=")));
        await new ResetPasswordPage(page).ChooseAsync(NewPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("changed", new() { IgnoreCase = true });

        // No reload: the circuit's revalidation notices the new security stamp and the page goes to sign-in by itself.
        await Expect(otherPage).ToHaveURLAsync(new Regex("/Account/Login"), new() { Timeout = 20_000 });
        var cookieOnly = await other.APIRequest.GetAsync(server.Url("Account/Manage"), new() { MaxRedirects = 0 });
        Assert.Equal(302, cookieOnly.Status);
        Assert.Contains("/Account/Login", cookieOnly.Headers["location"], StringComparison.Ordinal);
    }

    private static async Task SignInAsync(IPage page, PortalServer server)
    {
        var login = new LoginPage(page, server.BaseUrl);
        await login.OpenAsync();
        await login.SignInAsync(Customer, PortalApp.Features.Account.DemoDataSeeder.DemoPassword);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
    }
}
