using Microsoft.Playwright;
using PortalApp.Tests.EndToEnd.Pages;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.EndToEnd;

/// <summary>
/// The README screenshots. Runs only when <c>PORTAL_SCREENSHOTS</c> names the output folder (relative to the
/// repository root), e.g. <c>PORTAL_SCREENSHOTS=docs/screenshots dotnet test --filter ScreenshotTests</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly string? Target = Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS");
    private PortalServer? server;

    public ValueTask InitializeAsync()
    {
        if (!string.IsNullOrWhiteSpace(Target))
        {
            server = PortalServer.Start();
        }

        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData(1280, 860, "", false)]
    [InlineData(390, 844, "-phone", false)]
    [InlineData(1280, 860, "-dark", true)]
    [InlineData(390, 844, "-phone-dark", true)]
    public async Task Screenshots_LoginAndRegister_WrittenToTheFolder(int width, int height, string suffix, bool dark)
    {
        Assert.SkipWhen(string.IsNullOrWhiteSpace(Target), "Set PORTAL_SCREENSHOTS=docs/screenshots to refresh the README screenshots.");
        var folder = Path.IsPathRooted(Target!) ? Target! : Path.Combine(RepositoryRoot(), Target!);
        Directory.CreateDirectory(folder);
        var context = await browser.NewContextAsync(width, height);
        try
        {
            if (dark)
            {
                await context.AddCookiesAsync([new Cookie { Name = "portal.theme", Value = "dark", Url = server!.BaseUrl }]);
            }

            var page = await context.NewPageAsync();
            var login = new LoginPage(page, server!.BaseUrl);
            await login.OpenAsync();
            await Expect(login.Submit).ToBeVisibleAsync();
            await AssertNoHorizontalOverflowAsync(page, width);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"login{suffix}.png"), FullPage = true });

            var register = new RegisterPage(page, server.BaseUrl);
            await register.OpenAsync();
            await Expect(register.Submit).ToBeVisibleAsync();
            await AssertNoHorizontalOverflowAsync(page, width);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"register{suffix}.png"), FullPage = true });
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private static async Task AssertNoHorizontalOverflowAsync(IPage page, int width)
        => Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, $"The page scrolls sideways at {width}px.");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
