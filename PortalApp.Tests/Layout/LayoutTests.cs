using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.Layout;

/// <summary>The shell a customer sees on every page: phone width and the light/dark switch.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture browser) : IAsyncLifetime
{
    private PortalServer server = default!;

    public ValueTask InitializeAsync()
    {
        server = PortalServer.Start();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task PhoneWidth_LoginAndRegister_FitWithoutSidewaysScrolling()
    {
        var context = await browser.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();

        var login = new LoginPage(page, server.BaseUrl);
        await login.OpenAsync();
        await Expect(login.Submit).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);

        var register = new RegisterPage(page, server.BaseUrl);
        await register.OpenAsync();
        await Expect(register.Submit).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dev mailbox" })).Not.ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        await context.CloseAsync();
    }

    [Fact]
    public async Task ThemeToggle_Clicked_SwitchesToDarkAndRemembersIt()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var login = new LoginPage(page, server.BaseUrl);
        await login.OpenAsync();
        await Expect(page.Locator("body")).ToHaveClassAsync("portal-light");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();

        await Expect(page.Locator("body")).ToHaveClassAsync("portal-dark");
        await Expect(page).ToHaveURLAsync(server.BaseUrl + "Account/Login");
        await page.GotoAsync(server.BaseUrl + "Account/Register");
        await Expect(page.Locator("body")).ToHaveClassAsync("portal-dark");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();
}
