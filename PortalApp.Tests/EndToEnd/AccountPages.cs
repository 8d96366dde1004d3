using Microsoft.Playwright;

namespace PortalApp.Tests.EndToEnd;

/// <summary>Page objects for the sign-in and account pages.</summary>
public sealed class SignInPage(IPage page, string baseUrl)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync(baseUrl + "Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

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

public sealed class EnableAuthenticatorPage(IPage page)
{
    public async Task<string> SharedKeyAsync() => (await page.GetByTestId("authenticator-key").InnerTextAsync()).Trim();

    public async Task VerifyAsync(string code)
    {
        await page.GetByLabel("Verification code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and turn on" }).ClickAsync();
    }

    public ILocator RecoveryCodes => page.GetByTestId("recovery-codes").Locator("li");
}
