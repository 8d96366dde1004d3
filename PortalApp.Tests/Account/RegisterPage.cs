using Microsoft.Playwright;

namespace PortalApp.Tests.Account;

/// <summary>The interactive register page, driven by its labels as a person would.</summary>
public sealed class RegisterPage(IPage page, string baseUrl)
{
    public IPage Page => page;

    public ILocator Rules => page.GetByTestId("password-rules");

    public ILocator Strength => page.GetByTestId("password-strength");

    public ILocator PasswordsMatch => page.GetByTestId("password-match");

    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    public ILocator Rule(string id) => page.GetByTestId($"rule-{id}");

    /// <summary>Replaces the password by typing it key by key, so every keystroke raises an input event.</summary>
    public async Task TypePasswordAsync(string text)
    {
        await Password.ClearAsync();
        await Password.PressSequentiallyAsync(text);
    }

    public ILocator FullName => page.GetByLabel("Full name", new() { Exact = true });

    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator ConfirmPassword => page.GetByLabel("Confirm password", new() { Exact = true });

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Create account" });

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Errors => page.GetByRole(AriaRole.Alert);

    public Task OpenAsync() => BlazorPage.GotoInteractiveAsync(page, baseUrl + "Account/Register");

    public async Task FillAsync(string fullName, string email, string password, string? confirm = null)
    {
        await FullName.FillAsync(fullName);
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await ConfirmPassword.FillAsync(confirm ?? password);
    }

    public async Task RegisterAsync(string fullName, string email, string password)
    {
        await FillAsync(fullName, email, password);
        await Submit.ClickAsync();
    }

    public ILocator ValidationMessage(string text) => page.GetByText(text, new() { Exact = true });
}
