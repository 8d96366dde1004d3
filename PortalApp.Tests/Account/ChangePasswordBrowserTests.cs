using Microsoft.Playwright;
using PortalApp.Features.Account;
using PortalApp.Platform.Hosting;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.Account;

[Collection(BrowserCollection.Name)]
public sealed class ChangePasswordBrowserTests(BrowserFixture browser)
{
    private const string CustomerEmail = "customer@example.com";
    private const string NotCommon = "Not an easily guessable password (like \"password123\")";
    private const string NewPassword = "Copper-Meadow-Violet-2027!";

    [Fact]
    public async Task ChangePassword_TypingThenSubmitting_LiveFeedbackServerRefusesCommonAndStrongOneKeepsSession()
    {
        await using var server = PortalServer.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var signIn = new LoginPage(page, server.BaseUrl);
        await signIn.SignInAsDemoCustomerAsync();

        var change = new ChangePasswordPage(page, server.BaseUrl);
        await change.OpenAsync();

        // Live: every keystroke moves the checklist and meter, with the signed-in customer's own name and email known.
        await change.TypeNewPasswordAsync("blue");
        await Expect(change.Rule("min-length")).ToHaveAttributeAsync("data-satisfied", "false");
        await Expect(change.Rule("uppercase")).ToHaveAttributeAsync("data-satisfied", "false");
        await change.TypeNewPasswordAsync("Morgan-Lantern-71");
        await Expect(change.Rule("not-personal")).ToHaveAttributeAsync("data-satisfied", "false");
        await Expect(change.Rule("uppercase")).ToHaveAttributeAsync("data-satisfied", "true");
        await change.TypeNewPasswordAsync("customer-Lantern-71");
        await Expect(change.Rule("not-personal")).ToHaveAttributeAsync("data-satisfied", "false");
        await change.TypeNewPasswordAsync("P@ssw0rd1");
        await Expect(change.Rule("not-common")).ToHaveAttributeAsync("data-satisfied", "false");
        await Expect(change.Strength).ToHaveAttributeAsync("data-score", "0");
        await change.TypeNewPasswordAsync(NewPassword);
        await Expect(change.Rule("min-length")).ToHaveAttributeAsync("data-satisfied", "true");
        await Expect(change.Rule("not-personal")).ToHaveAttributeAsync("data-satisfied", "true");
        await Expect(change.Rule("not-common")).ToHaveAttributeAsync("data-satisfied", "true");
        await Expect(change.Strength).ToHaveAttributeAsync("data-score", "4");
        await change.ConfirmPassword.PressSequentiallyAsync(NewPassword);
        await Expect(page.GetByTestId("password-match")).ToHaveAttributeAsync("data-match", "true");
        await Screenshots.SaveIfAskedAsync(page, "change-password-strong");

        // The static post carries the island's values; Identity refuses a common password, naming the rule.
        await change.ChangeAsync(DemoDataSeeder.DemoPassword, "Password123!");
        await Expect(change.Alert).ToContainTextAsync(NotCommon);
        await Screenshots.SaveIfAskedAsync(page, "change-password-refused");

        await Expect(page.Locator(".new-password-fields")).ToHaveAttributeAsync("data-interactive", "true");
        await change.ChangeAsync(DemoDataSeeder.DemoPassword, NewPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Change password");
        await Expect(change.Status).ToBeVisibleAsync();
        await server.Smtp.WaitForOneAsync(CustomerEmail, "password was changed");

        // This session got a fresh cookie: still signed in on the next request.
        await page.GotoAsync(server.Url("Account/Manage"));
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Alex Morgan");
        await Expect(page).ToHaveURLAsync(server.Url("Account/Manage"));

        await using var other = await browser.NewContextAsync();
        var otherPage = await other.NewPageAsync();
        var otherSignIn = new LoginPage(otherPage, server.BaseUrl);
        await otherSignIn.OpenAsync();
        await otherSignIn.SignInAsync(CustomerEmail, NewPassword);
        await Expect(otherPage.GetByTestId("signed-in-user")).ToHaveTextAsync("Alex Morgan");
    }
}
