using Microsoft.Playwright;

namespace PortalApp.Tests.EndToEnd;

/// <summary>The register page as a customer sees it: labelled fields, the live checklist and the strength meter.</summary>
public sealed class RegisterPage(IPage page)
{
    public IPage Page => page;

    public ILocator FullName => page.GetByLabel("Full name", new() { Exact = true });

    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator ConfirmPassword => page.GetByLabel("Confirm password", new() { Exact = true });

    public ILocator Rules => page.GetByTestId("password-rules");

    public ILocator Strength => page.GetByTestId("password-strength");

    public ILocator PasswordsMatch => page.GetByTestId("password-match");

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Create account" });

    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    public ILocator Rule(string id) => page.GetByTestId($"rule-{id}");

    /// <summary>Opens the page and waits until the circuit is live (typing before that would be lost).</summary>
    public async Task OpenAsync(string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator(".new-password-fields[data-interactive=true]")).ToBeVisibleAsync();
    }

    /// <summary>Replaces the password by typing it key by key, so every keystroke raises an input event.</summary>
    public async Task TypePasswordAsync(string text)
    {
        await Password.ClearAsync();
        await Password.PressSequentiallyAsync(text);
    }
}
