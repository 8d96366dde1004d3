using Microsoft.Playwright;

namespace PortalApp.Tests.PasswordReset;

/// <summary>The forgot-password page as a customer sees it.</summary>
public sealed class ForgotPasswordPage(IPage page)
{
    public ILocator Email => page.GetByLabel("Email");

    public ILocator Confirmation => page.GetByTestId("forgot-confirmation");

    public async Task RequestLinkAsync(string email)
    {
        // Arriving by a link, Blazor's enhanced navigation patches the page in; type only once the form is there.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await Email.FillAsync(email);
        await Assertions.Expect(Email).ToHaveValueAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
    }
}

/// <summary>The reset page opened from the emailed link.</summary>
public sealed class ResetPasswordPage(IPage page)
{
    public ILocator Account => page.GetByTestId("reset-account");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator NewPassword => page.GetByLabel("New password", new() { Exact = true });

    public ILocator ConfirmPassword => page.GetByLabel("Confirm new password");

    public ILocator RequestNewLink => page.GetByRole(AriaRole.Link, new() { Name = "Request a new link" });

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Reset password" });

    public async Task ChooseAsync(string password, string? confirm = null)
    {
        // The button is enabled once the circuit is live; typing before that would be lost.
        await Assertions.Expect(Submit).ToBeEnabledAsync();
        await NewPassword.FillAsync(password);
        await ConfirmPassword.FillAsync(confirm ?? password);
        await Submit.ClickAsync();
    }
}
