using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class DashboardLiveTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Dashboard_NewResetRequestRecorded_AppearsWithinTwoSecondsWithoutReload()
    {
        await using var server = PortalServer.Start();
        await using var context = await browser.NewContextAsync();
        var dashboard = new DashboardPage(await context.NewPageAsync(), server.BaseUrl);
        await dashboard.SignInAndOpenAsync();
        await Expect(dashboard.Kpi("requested")).ToHaveTextAsync("0");
        await dashboard.Page.EvaluateAsync("() => window.__notReloaded = true");

        var email = $"live-{Guid.NewGuid():N}@example.com";
        await RecordRequestAsync(server, email);

        await Expect(dashboard.Kpi("requested")).ToHaveTextAsync("1", new() { Timeout = 2_000 });
        await Expect(dashboard.Kpi("unknown")).ToHaveTextAsync("1");
        await Expect(dashboard.LogEmails.First).ToHaveTextAsync(email);
        Assert.True(await dashboard.Page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "The page reloaded instead of updating live.");
    }

    [SkippableFact]
    public async Task Dashboard_DemoData_ReadableOnDesktopAndPhone()
    {
        await using var server = PortalServer.Start(settings => settings["StaffDashboard:SeedDemoActivity"] = "true");

        foreach (var (name, width, height) in new[] { ("desktop", 1366, 900), ("phone", 390, 844) })
        {
            await using var context = await browser.NewContextAsync(width, height);
            var dashboard = new DashboardPage(await context.NewPageAsync(), server.BaseUrl);
            await dashboard.SignInAndOpenAsync();

            await Expect(dashboard.Kpi("requested")).Not.ToHaveTextAsync("0");
            await Expect(dashboard.Page.GetByTestId("activity-chart").Locator("svg").First).ToBeVisibleAsync();
            await Expect(dashboard.LogEmails.First).ToBeVisibleAsync();
            await dashboard.Page.ScreenshotAsync(new() { Path = $"/tmp/dashboard-{name}.png", FullPage = true });
            await dashboard.Page.ScreenshotAsync(new() { Path = $"/tmp/dashboard-{name}-top.png", FullPage = true, Clip = new() { X = 0, Y = 0, Width = width, Height = 1500 } });
            Assert.True(
                await dashboard.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"),
                $"The dashboard scrolls sideways at {width}px.");

            if (name == "desktop")
            {
                var download = await dashboard.Page.RunAndWaitForDownloadAsync(() => dashboard.Page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
                var csv = await File.ReadAllTextAsync(await download.PathAsync());
                Assert.StartsWith("Time (UTC),Email,Status", csv);
                Assert.True(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 100, "The export should hold the week's demo requests.");
            }

            await dashboard.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Timeline of the request") }).First.ClickAsync();
            await Expect(dashboard.Page.GetByTestId("request-timeline")).ToContainTextAsync("Requested");
            await dashboard.Page.ScreenshotAsync(new() { Path = $"/tmp/dashboard-{name}-timeline.png" });
        }
    }

    private static async Task RecordRequestAsync(PortalServer server, string email)
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var recorder = scope.ServiceProvider.GetRequiredService<ResetActivityRecorder>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var request = new ResetRequest
        {
            Id = Guid.NewGuid(),
            CreatedAt = time.GetUtcNow(),
            Email = email,
            IpAddress = "203.0.113.10",
            UserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
            Status = ResetRequestStatus.UnknownAccount,
        };
        db.ResetRequests.Add(request);
        var context = ResetActivityContext.From(request);
        IReadOnlyList<ResetActivityEvent> recorded =
        [
            recorder.Add(db, ResetActivityType.Requested, context),
            recorder.Add(db, ResetActivityType.UnknownAccount, context),
        ];
        await recorder.SaveAsync(db, recorded, CancellationToken.None);
    }
}
