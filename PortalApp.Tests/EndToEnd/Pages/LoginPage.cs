using Microsoft.Playwright;

namespace PortalApp.Tests.EndToEnd.Pages;

/// <summary>The static SSR sign-in page.</summary>
public sealed class LoginPage(IPage page, string baseUrl)
{
    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator Submit => page.Locator("form.portal-form").GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public async Task OpenAsync() => await page.GotoAsync(baseUrl + "Account/Login");

    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }
}
