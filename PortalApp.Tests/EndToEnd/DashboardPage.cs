using Microsoft.Playwright;

namespace PortalApp.Tests.EndToEnd;

/// <summary>Page object for the staff reset-activity dashboard (signs in through the real login form).</summary>
public sealed class DashboardPage(IPage page, string baseUrl)
{
    public const string Path = "staff/reset-activity";

    public IPage Page { get; } = page;

    public ILocator Kpi(string name) => Page.GetByTestId($"kpi-{name}");

    public ILocator LiveStatus => Page.GetByTestId("live-status");

    public ILocator LogEmails => Page.GetByTestId("log-email");

    public async Task SignInAndOpenAsync(string email = "staff@example.com")
    {
        await Page.GotoAsync(baseUrl + "Account/Login?returnUrl=" + Uri.EscapeDataString("/" + Path));
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(Infrastructure.PortalSignIn.DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains(Path, StringComparison.Ordinal));
        await Assertions.Expect(LiveStatus).ToContainTextAsync("Live");
    }
}
