using Microsoft.Playwright;
using PortalApp.Features.Account;
using PortalApp.Platform.Hosting;

namespace PortalApp.Tests.Staff;

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
        var signIn = new LoginPage(Page, baseUrl);
        await signIn.OpenAsync("/" + Path);
        await signIn.SignInAsync(email, DemoDataSeeder.DemoPassword);
        await Page.WaitForURLAsync(url => url.Contains(Path, StringComparison.Ordinal));
        await Assertions.Expect(LiveStatus).ToContainTextAsync("Live");
    }
}
