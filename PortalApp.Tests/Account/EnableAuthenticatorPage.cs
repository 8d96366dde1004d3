using Microsoft.Playwright;

namespace PortalApp.Tests.Account;

/// <summary>The authenticator-app set-up page.</summary>
public sealed class EnableAuthenticatorPage(IPage page)
{
    public async Task<string> SharedKeyAsync() => (await page.GetByTestId("authenticator-key").InnerTextAsync()).Trim();

    public async Task VerifyAsync(string code, string currentPassword)
    {
        await page.GetByLabel("Verification code").FillAsync(code);
        await page.GetByLabel("Current password").FillAsync(currentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and turn on" }).ClickAsync();
    }

    public ILocator RecoveryCodes => page.GetByTestId("recovery-codes").Locator("li");
}
