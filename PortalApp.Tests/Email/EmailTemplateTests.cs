using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Features.Email;
using PortalApp.Features.Account.Templates;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Email;

/// <summary>Razor email templates rendered by the app's <see cref="EmailRenderer"/>: parts, encoding, inlined CSS, link base.</summary>
public sealed class EmailTemplateTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string Link = "http://portal.test/Account/ConfirmEmail?userId=42&code=abc";

    [Fact]
    public async Task Render_ConfirmEmail_HtmlAndTextPartsCarryNameAndLink()
    {
        var email = await RenderConfirmAsync(factory, "Ana <b>& Co</b>");

        var html = StaticForm.Parse(email.Html);
        Assert.Equal(Link, html.QuerySelector("a.button")?.GetAttribute("href"));
        Assert.Contains("Hello Ana <b>& Co</b>,", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(html.QuerySelector(".content b"));
        Assert.Equal("Customer Portal", html.QuerySelector(".brand")?.TextContent.Trim());

        Assert.StartsWith("Customer Portal\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("Hello Ana <b>& Co</b>,", email.Text, StringComparison.Ordinal);
        Assert.Contains("\n" + Link + "\n", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_AnyTemplate_CssInlinedAndStyleBlockRemoved()
    {
        var email = await RenderConfirmAsync(factory, "Ana");

        Assert.DoesNotContain("<style", email.Html, StringComparison.OrdinalIgnoreCase);
        var html = StaticForm.Parse(email.Html);
        var button = html.QuerySelector("a.button")!.GetAttribute("style") ?? "";
        Assert.Contains("background: #3f51b5", button, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("color: #ffffff !important", button, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-width: 560px", html.QuerySelector(".card")!.GetAttribute("style") ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Render_TemplateLinks_ComeFromPublicBaseUrl()
    {
        using var other = new PortalAppFactory();
        other.Settings["Portal:PublicBaseUrl"] = "https://portal.example.com/self-service";
        other.Settings["Seed:DemoData"] = "false";

        await using var scope = other.Services.CreateAsyncScope();
        var email = await scope.ServiceProvider.GetRequiredService<EmailRenderer>().RenderAsync(new RegistrationAttemptEmail("Ana"));

        var hrefs = StaticForm.Parse(email.Html).QuerySelectorAll(".content a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://portal.example.com/self-service/Account/Login", "https://portal.example.com/self-service/Account/ForgotPassword"], hrefs);
        Assert.Contains("https://portal.example.com/self-service/Account/Login", email.Text, StringComparison.Ordinal);
        Assert.Contains("https://portal.example.com/self-service/Account/ForgotPassword", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResendConfirmation_RequestWithForeignHostHeader_LinkUsesConfiguredBase()
    {
        // AllowedHosts refuses foreign hosts outright; with host filtering off, the link must still not follow the header.
        using var open = new PortalAppFactory();
        open.Settings["AllowedHosts"] = "*";
        var user = await TestUsers.CreateAsync(open.Services, "host-header@example.com", confirmed: false);
        using var client = open.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = "attacker.example";

        var response = await StaticForm.SubmitAsync(client, "/Account/ResendEmailConfirmation", "resend-confirmation", new Dictionary<string, string>
        {
            ["Input.Email"] = "host-header@example.com",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var emails = await Poll.UntilAsync(
            () => Task.FromResult(Mail.ReadPickup(open.PickupDirectory).Where(m => m.To.Mailboxes.Any(b => b.Address == "host-header@example.com")).ToList()),
            m => m.Count == 1,
            "the confirmation email in the pickup folder");
        var link = Mail.LinkStartingWith(emails[0], "http");
        Assert.StartsWith($"http://portal.test/Account/ConfirmEmail?userId={user.Id}&code=", link, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", emails[0].HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", emails[0].TextBody, StringComparison.Ordinal);
    }

    private static async Task<RenderedEmail> RenderConfirmAsync(PortalAppFactory app, string fullName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmailRenderer>().RenderAsync(new ConfirmAddressEmail(fullName, Link));
    }
}
