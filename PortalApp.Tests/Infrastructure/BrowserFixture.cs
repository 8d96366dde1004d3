using Microsoft.Playwright;

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// One headless system Chromium (Debian package <c>chromium</c>) for the browser tests. Where it is missing the
/// tests skip with an install hint, unless <c>E2E_REQUIRED=1</c>, where they fail.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string InstallHint = "Browser tests need Chromium at /usr/bin/chromium: sudo apt-get install -y chromium";

    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public static bool Required => Environment.GetEnvironmentVariable("E2E_REQUIRED") == "1";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        // The machine running CI is shared; give auto-waiting assertions the same patience as actions.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context (own cookies); skips or fails the test when there is no browser.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900)
    {
        if (Browser is null)
        {
            if (Required)
            {
                throw new InvalidOperationException($"E2E_REQUIRED=1 but no browser: {InstallHint}");
            }

            Assert.Skip(InstallHint);
        }

        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
