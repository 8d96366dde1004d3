using Microsoft.Playwright;

namespace PortalApp.Tests.Account;

/// <summary>The static change-password page with its interactive new-password island.</summary>
public sealed class ChangePasswordPage(IPage page, string baseUrl)
{
    public IPage Page => page;

    public ILocator CurrentPassword => page.GetByLabel("Current password", new() { Exact = true });

    public ILocator NewPassword => page.GetByLabel("New password", new() { Exact = true });

    public ILocator ConfirmPassword => page.GetByLabel("Confirm new password", new() { Exact = true });

    public ILocator Strength => page.GetByTestId("password-strength");

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Change password", Exact = true });

    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    public ILocator Status => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your password was changed" });

    public ILocator Rule(string id) => page.GetByTestId($"rule-{id}");

    /// <summary>Opens the page and returns once the island's circuit is live, so keystrokes reach the checklist.</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync(baseUrl + "Account/Manage/ChangePassword");
        await Assertions.Expect(page.Locator(".new-password-fields")).ToHaveAttributeAsync("data-interactive", "true");
    }

    /// <summary>Replaces the new password by typing it key by key, so every keystroke raises an input event.</summary>
    public async Task TypeNewPasswordAsync(string text)
    {
        await NewPassword.ClearAsync();
        await NewPassword.PressSequentiallyAsync(text);
    }

    public async Task ChangeAsync(string current, string password)
    {
        await CurrentPassword.FillAsync(current);
        await NewPassword.FillAsync(password);
        await ConfirmPassword.FillAsync(password);
        await Submit.ClickAsync();
    }
}
