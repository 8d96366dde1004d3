using Microsoft.Playwright;

namespace PortalApp.Tests.Infrastructure;

/// <summary>PNGs for a person to look at, written only when the named environment variable gives a folder.</summary>
public static class Screenshots
{
    public const string DefaultVariable = "PORTAL_SCREENSHOT_DIR";

    public static async Task SaveIfAskedAsync(IPage page, string name, bool fullPage = true, string variable = DefaultVariable)
    {
        var directory = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = fullPage });
        }
    }
}
