using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.Platform;

/// <summary>The Content-Security-Policy against what Blazor Server and MudBlazor really do in Chromium, and sessions after a reset.</summary>
[Trait("Category", "Security")]
[Collection(BrowserCollection.Name)]
public sealed class BrowserSecurityTests(BrowserFixture browser)
{
    private const string Customer = "customer@example.com";

    [Fact]
    public async Task Pages_LoadedInChromium_WorkWithoutCspViolationsAndScriptPayloadsStayText()
    {
        await using var server = PortalServer.Start(s => s["Email:Transport"] = "Pickup");
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue(page.Url + ": " + message.Text);
            }
        };

        foreach (var path in new[] { "Account/Login", "Account/ForgotPassword", "help" })
        {
            var response = await page.GotoAsync(server.Url(path));
            Assert.Contains("frame-ancestors 'none'", await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        }

        // Interactive: the circuit connects over the WebSocket and the live checklist follows typing.
        var register = new RegisterPage(page, server.BaseUrl);
        await register.OpenAsync();
        await register.TypePasswordAsync("Harbor-Lantern-Quartz-92");
        await Expect(register.Rule("uppercase")).ToHaveAttributeAsync("data-satisfied", "true");
        await Expect(register.Strength).ToHaveAttributeAsync("data-score", new Regex("[34]"));

        // The dev mailbox shows the email's HTML in a sandboxed srcdoc frame, which inherits the policy.
        await page.GotoAsync(server.Url("Account/ForgotPassword"));
        await new ForgotPasswordPage(page).RequestLinkAsync(Customer);
        var file = await Poll.UntilAsync(
            () => Task.FromResult(Directory.Exists(server.Factory.PickupDirectory) ? Directory.GetFiles(server.Factory.PickupDirectory, "*.eml").FirstOrDefault() : null),
            f => f is not null, "the reset email in the pickup folder");
        await page.GotoAsync(server.Url("dev/mailbox/" + Path.GetFileName(file)));
        await Expect(page.FrameLocator("iframe.portal-mail-frame").GetByText("Reset my password")).ToBeVisibleAsync();

        // An attribute-breaking payload in an address the forms accept (a markup payload with "<" is refused as
        // undeliverable), shown back to staff in the dashboard's request log, stays inert text.
        const string Payload = "x'/onfocus=alert`1`//'&lt@example.com";
        var dialogs = 0;
        page.Dialog += (_, dialog) => Interlocked.Increment(ref dialogs);
        await page.GotoAsync(server.Url("Account/ForgotPassword"));
        await new ForgotPasswordPage(page).RequestLinkAsync(Payload);
        await Expect(page.GetByTestId("forgot-confirmation")).ToBeVisibleAsync();

        // The staff dashboard: MudBlazor charts, tables and live updates.
        var dashboard = new DashboardPage(page, server.BaseUrl);
        await dashboard.SignInAndOpenAsync();
        await Expect(dashboard.Kpi("requested")).ToBeVisibleAsync();
        await Expect(dashboard.LogEmails.Filter(new() { HasText = Payload })).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator("[data-testid=log-email] script").CountAsync());
        Assert.Equal(0, dialogs);

        Assert.Empty(violations);
    }
}
