using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PortalApp.Features.Account;
using PortalApp.Platform.Hosting;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.Account;

[Collection(BrowserCollection.Name)]
public sealed class MfaBrowserTests(BrowserFixture browser)
{
    private const string CustomerEmail = "customer@example.com";

    [Fact]
    public async Task Mfa_PasswordResetThroughTheEmailedLink_SignInStillAsksForTheCode()
    {
        const string newPassword = "Harbor-Lantern-Quartz-92";
        await using var server = PortalServer.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var signIn = new LoginPage(page, server.BaseUrl);
        var (key, enabledAtStep) = await TurnMfaOnAndSignOutAsync(page, server, signIn);

        await signIn.OpenAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot Password?" }).ClickAsync();
        await new ForgotPasswordPage(page).RequestLinkAsync(CustomerEmail);
        var email = await server.Smtp.WaitForOneAsync(CustomerEmail, "Reset your");
        await page.GotoAsync(Mail.LinkStartingWith(email, server.Url("Account/ResetPassword?token=")));
        var reset = new ResetPasswordPage(page);
        await reset.ChooseAsync(newPassword);
        await Expect(reset.Heading).ToHaveTextAsync("Your password has been changed");

        await SignInExpectingTheCodePageAsync(page, signIn, newPassword);
        await signIn.EnterAuthenticatorCodeAsync(NextCode(key, enabledAtStep));
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Alex Morgan");
        Assert.DoesNotContain("LoginWith2fa", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mfa_EnableWithCodeFromDisplayedKey_NextSignInAsksForCodeAndAcceptsIt()
    {
        await using var server = PortalServer.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var signIn = new LoginPage(page, server.BaseUrl);
        var (key, enabledAtStep) = await TurnMfaOnAndSignOutAsync(page, server, signIn);

        await SignInExpectingTheCodePageAsync(page, signIn, DemoDataSeeder.DemoPassword);
        await signIn.EnterAuthenticatorCodeAsync(NextCode(key, enabledAtStep));
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Alex Morgan");
        Assert.DoesNotContain("LoginWith2fa", page.Url, StringComparison.Ordinal);
    }

    /// <summary>
    /// Signs the demo customer in, turns MFA on from the account pages with a code computed from the displayed key,
    /// and signs out; returns the key and the step whose code was used.
    /// </summary>
    private static async Task<(string Key, long Step)> TurnMfaOnAndSignOutAsync(IPage page, PortalServer server, LoginPage signIn)
    {
        await signIn.SignInAsDemoCustomerAsync();
        await page.GotoAsync(server.Url("Account/Manage/TwoFactor"));
        await Expect(page.GetByTestId("mfa-status")).ToContainTextAsync("Off");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up an authenticator app" })).ToBeVisibleAsync();

        var setup = new EnableAuthenticatorPage(page);
        var key = await setup.SharedKeyAsync();
        Assert.Matches(new Regex("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$"), key);
        var enabledAtStep = TotpCodes.StepAt(DateTimeOffset.UtcNow);
        await setup.VerifyAsync(TotpCodes.Compute(key, enabledAtStep), DemoDataSeeder.DemoPassword);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor authentication is on" })).ToBeVisibleAsync();
        await Expect(setup.RecoveryCodes).ToHaveCountAsync(10);
        await server.Smtp.WaitForOneAsync(CustomerEmail, "Two-factor authentication is on");

        await signIn.SignOutAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
        return (key, enabledAtStep);
    }

    private static async Task SignInExpectingTheCodePageAsync(IPage page, LoginPage signIn, string password)
    {
        await signIn.OpenAsync();
        await signIn.SignInAsync(CustomerEmail, password);
        await Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
        await Expect(page.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// A code for now, but never from the step that switched MFA on: that code can't be replayed. The server accepts
    /// ±1 step, so the next step's code works even while the current one is still the enabling step.
    /// </summary>
    private static string NextCode(string key, long enabledAtStep)
        => TotpCodes.Compute(key, Math.Max(TotpCodes.StepAt(DateTimeOffset.UtcNow), enabledAtStep + 1));
}
