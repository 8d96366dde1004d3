using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.Staff;

[Collection(BrowserCollection.Name)]
public sealed class DashboardLiveTests(BrowserFixture browser)
{
    [Fact]
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

    [Fact]
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

    [Fact]
    public async Task Dashboard_WatchListAndFilters_NarrowTheLog()
    {
        await using var server = PortalServer.Start();
        await using (var scope = server.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 5; i++)
            {
                await ResetActivityData.AddRequestAsync(db, now.AddHours(-i - 1), "hammered@example.com", $"192.0.2.{i + 1}", (ResetActivityType.Throttled, ResetActivityData.Min(0.01)));
            }

            await ResetActivityData.AddRequestAsync(db, now.AddDays(-2), "calm@example.com", "192.0.2.9",
                (ResetActivityType.EmailQueued, ResetActivityData.Min(0.1)), (ResetActivityType.EmailSent, ResetActivityData.Min(0.2)), (ResetActivityType.Completed, ResetActivityData.Min(3)));
            await ResetActivityData.AddRequestAsync(db, now.AddDays(-20), "old@example.com", "192.0.2.10", (ResetActivityType.UnknownAccount, ResetActivityData.Min(0.01)));
        }

        await using var context = await browser.NewContextAsync();
        var dashboard = new DashboardPage(await context.NewPageAsync(), server.BaseUrl);
        await dashboard.SignInAndOpenAsync();
        await Expect(dashboard.Kpi("requested")).ToHaveTextAsync("6");
        await Expect(dashboard.LogEmails).ToHaveCountAsync(6);

        await dashboard.Page.GetByTestId("watch-list").GetByText("hammered@example.com").ClickAsync();
        await Expect(dashboard.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("email=hammered%40example.com"));
        await Expect(dashboard.LogEmails).ToHaveCountAsync(5);

        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "30 days" }).ClickAsync();
        await Expect(dashboard.Kpi("requested")).ToHaveTextAsync("7");
        await Expect(dashboard.LogEmails).ToHaveCountAsync(5);

        await dashboard.Page.GetByLabel("Email contains").FillAsync("old@");
        await Expect(dashboard.LogEmails).ToHaveCountAsync(1);
        await Expect(dashboard.LogEmails.First).ToHaveTextAsync("old@example.com");

        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Custom" }).ClickAsync();
        await Expect(dashboard.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("range=custom"));
        await Expect(dashboard.Page.GetByRole(AriaRole.Textbox, new() { Name = "Start date" })).ToHaveValueAsync(DateTime.UtcNow.Date.AddDays(-6).ToString("yyyy-MM-dd"));
        await Expect(dashboard.Kpi("requested")).ToHaveTextAsync("6");
        await Expect(dashboard.Page.GetByText("No reset requests match these filters.")).ToBeVisibleAsync();
    }

    private static async Task RecordRequestAsync(PortalServer server, string email)
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var request = new ResetRequest
        {
            Id = Guid.NewGuid(),
            CreatedAt = now,
            Email = email,
            IpAddress = "203.0.113.10",
            UserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        };
        db.ResetRequests.Add(request);
        db.ResetActivityEvents.Add(request.Record(ResetActivityType.Requested, now));
        db.ResetActivityEvents.Add(request.Record(ResetActivityType.UnknownAccount, now));

        // A plain save: the dashboard hears of it from the save itself.
        await db.SaveChangesAsync();
    }
}
