using Microsoft.Playwright;
using PortalApp.Features.Account;
using PortalApp.Platform.Hosting;

namespace PortalApp.Tests.Account;

/// <summary>The static SSR sign-in page.</summary>
public sealed class LoginPage(IPage page, string baseUrl)
{
    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator Submit => page.Locator("form.portal-form").GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public async Task OpenAsync(string? returnUrl = null)
        => await page.GotoAsync(baseUrl + "Account/Login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));

    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }

    /// <summary>Opens this page, signs in as the seeded demo customer and waits until the app bar names them.</summary>
    public async Task SignInAsDemoCustomerAsync()
    {
        var (email, fullName, _) = DemoDataSeeder.DemoAccounts[0];
        await OpenAsync();
        await SignInAsync(email, DemoDataSeeder.DemoPassword);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(fullName);
    }

    /// <summary>On the second-factor page that follows the password when MFA is on.</summary>
    public async Task EnterAuthenticatorCodeAsync(string code, bool rememberBrowser = false)
    {
        await page.GetByLabel("Authentication code").FillAsync(code);
        if (rememberBrowser)
        {
            await page.GetByLabel("Remember this browser").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    public Task SignOutAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
}
