using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PortalApp.Features.Portal;
using PortalApp.Tests.EndToEnd.Pages;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class MfaBrowserTests(BrowserFixture browser)
{
    private const string CustomerEmail = "customer@example.com";

    [SkippableFact]
    public async Task Mfa_PasswordResetThroughTheEmailedLink_SignInStillAsksForTheCode()
    {
        const string newPassword = "Harbor-Lantern-Quartz-92";
        await using var server = PortalServer.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var signIn = new LoginPage(page, server.BaseUrl);
        await signIn.SignInAsDemoCustomerAsync();
        var (key, enabledAtStep) = await EnableMfaAsync(page, server);
        await signIn.SignOutAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();

        await signIn.OpenAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot Password?" }).ClickAsync();
        await new ForgotPasswordPage(page).RequestLinkAsync(CustomerEmail);
        var email = await server.Smtp.WaitForOneAsync(CustomerEmail, "Reset your");
        await page.GotoAsync(Mail.LinkStartingWith(email, server.Url("Account/ResetPassword?token=")));
        var reset = new ResetPasswordPage(page);
        await reset.ChooseAsync(newPassword);
        await Expect(reset.Heading).ToHaveTextAsync("Your password has been changed");

        await signIn.OpenAsync();
        await signIn.SignInAsync(CustomerEmail, newPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
        await Expect(page.GetByTestId("signed-in-user")).ToHaveCountAsync(0);

        // Never the step whose code switched MFA on (it can't be replayed); the server accepts ±1 step around now.
        var step = Math.Max(TotpCodes.StepAt(DateTimeOffset.UtcNow), enabledAtStep + 1);
        await signIn.EnterAuthenticatorCodeAsync(TotpCodes.Compute(key, step));
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Alex Morgan");
        Assert.DoesNotContain("LoginWith2fa", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Mfa_EnableWithCodeFromDisplayedKey_NextSignInAsksForCodeAndAcceptsIt()
    {
        await using var server = PortalServer.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var signIn = new LoginPage(page, server.BaseUrl);

        await signIn.SignInAsDemoCustomerAsync();
        var (key, enabledAtStep) = await EnableMfaAsync(page, server);

        await signIn.SignOutAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();

        await signIn.OpenAsync();
        await signIn.SignInAsync(CustomerEmail, DemoDataSeeder.DemoPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
        await Expect(page.GetByTestId("signed-in-user")).ToHaveCountAsync(0);

        // The code used to switch MFA on can't be replayed, so sign in with the next step's code (the server accepts ±1 step).
        await signIn.EnterAuthenticatorCodeAsync(TotpCodes.Compute(key, enabledAtStep + 1));
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Alex Morgan");
        Assert.DoesNotContain("LoginWith2fa", page.Url, StringComparison.Ordinal);
    }

    /// <summary>Turns MFA on from the account pages with a code computed from the displayed key; returns the key and the step used.</summary>
    private static async Task<(string Key, long Step)> EnableMfaAsync(IPage page, PortalServer server)
    {
        await page.GotoAsync(server.Url("Account/Manage/TwoFactor"));
        await Expect(page.GetByTestId("mfa-status")).ToContainTextAsync("Off");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up an authenticator app" })).ToBeVisibleAsync();

        var setup = new EnableAuthenticatorPage(page);
        var key = await setup.SharedKeyAsync();
        Assert.Matches(new Regex("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$"), key);
        var enabledAtStep = TotpCodes.StepAt(DateTimeOffset.UtcNow);
        await setup.VerifyAsync(TotpCodes.Compute(key, enabledAtStep));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor authentication is on" })).ToBeVisibleAsync();
        await Expect(setup.RecoveryCodes).ToHaveCountAsync(10);
        await server.Smtp.WaitForOneAsync(CustomerEmail, "Two-factor authentication is on");
        return (key, enabledAtStep);
    }
}
