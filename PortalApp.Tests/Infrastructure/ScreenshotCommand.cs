using Microsoft.Playwright;
using PortalApp.Platform.Theme;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// Writes the README screenshots (sign-in and register pages at 1280 px and 390 px, light and dark) into a folder:
/// <c>dotnet run --project PortalApp.Tests -- screenshots docs/screenshots</c>. The portal starts as in the browser
/// tests (<see cref="PortalServer"/>: real Kestrel port, fresh SQLite, loopback SMTP) and the system Chromium of
/// <see cref="BrowserFixture"/> takes the pictures.
/// </summary>
public static class ScreenshotCommand
{
    public const string Name = "screenshots";

    private static readonly (int Width, int Height, string Suffix, bool Dark)[] Shots =
    [
        (1280, 860, "", false),
        (390, 844, "-phone", false),
        (1280, 860, "-dark", true),
        (390, 844, "-phone-dark", true),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args.Count != 1 || args[0].StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"Usage: dotnet run --project PortalApp.Tests -- {Name} FOLDER   (e.g. docs/screenshots, relative to the current directory)");
            return 2;
        }

        var folder = Path.GetFullPath(args[0]);
        var browser = new BrowserFixture();
        await browser.InitializeAsync();
        try
        {
            if (browser.Browser is null)
            {
                await Console.Error.WriteLineAsync(BrowserFixture.InstallHint);
                return 1;
            }

            Directory.CreateDirectory(folder);
            await using var server = PortalServer.Start();
            var overflowing = 0;
            foreach (var (width, height, suffix, dark) in Shots)
            {
                var context = await browser.NewContextAsync(width, height);
                try
                {
                    if (dark)
                    {
                        await context.AddCookiesAsync([new Cookie { Name = ThemePreference.CookieName, Value = "dark", Url = server.BaseUrl }]);
                    }

                    var page = await context.NewPageAsync();
                    var login = new LoginPage(page, server.BaseUrl);
                    await login.OpenAsync();
                    await Expect(login.Submit).ToBeVisibleAsync();
                    overflowing += await SaveAsync(page, width, Path.Combine(folder, $"login{suffix}.png"));

                    var register = new RegisterPage(page, server.BaseUrl);
                    await register.OpenAsync();
                    await Expect(register.Submit).ToBeVisibleAsync();
                    overflowing += await SaveAsync(page, width, Path.Combine(folder, $"register{suffix}.png"));
                }
                finally
                {
                    await context.CloseAsync();
                }
            }

            return overflowing == 0 ? 0 : 1;
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    /// <summary>Writes the page's PNG; returns 1 (and says so) when the page scrolls sideways at this width.</summary>
    private static async Task<int> SaveAsync(IPage page, int width, string path)
    {
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Console.WriteLine($"Wrote {path}");
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth <= width)
        {
            return 0;
        }

        await Console.Error.WriteLineAsync($"  {Path.GetFileName(path)}: the page scrolls sideways at {width}px (content is {scrollWidth}px wide).");
        return 1;
    }
}
