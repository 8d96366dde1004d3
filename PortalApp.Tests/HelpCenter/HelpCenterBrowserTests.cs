using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PortalApp.Features.Account;
using PortalApp.Features.HelpCenter;
using PortalApp.Platform.Hosting;
using PortalApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PortalApp.Tests.HelpCenter;

[Collection(BrowserCollection.Name)]
public sealed class HelpCenterBrowserTests(BrowserFixture browser)
{
    /// <summary>Set to a folder to keep screenshots of the pages the tests visit (for looking at them, not for asserting).</summary>
    private const string ScreenshotVariable = "HELPCENTER_SCREENSHOTS";

    [Fact]
    public async Task HelpCenter_SearchForgotPasswordOpenArticleVoteHelpful_ShowsThanks()
    {
        await using var server = PortalServer.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var help = new HelpCenterPage(page);

        await help.OpenAsync(server.BaseUrl);
        await Screenshots.SaveIfAskedAsync(page, "help-home", fullPage: false, variable: ScreenshotVariable);
        await help.SearchAsync("forgot password");
        await Expect(help.Results.First).ToHaveTextAsync("Resetting Your Customer Portal Password: Step-by-Step");
        await Screenshots.SaveIfAskedAsync(page, "help-search", fullPage: false, variable: ScreenshotVariable);

        await help.Results.First.ClickAsync();
        var article = new HelpArticlePage(page);
        await Expect(article.Heading).ToHaveTextAsync("Resetting Your Customer Portal Password: Step-by-Step");
        await Expect(article.Feedback).ToContainTextAsync("Was this article helpful?");
        await article.VoteAsync(helpful: true);

        await Expect(article.Feedback.GetByRole(AriaRole.Status)).ToContainTextAsync("Thanks for your feedback");
        await Screenshots.SaveIfAskedAsync(page, "help-article", fullPage: true, variable: ScreenshotVariable);
        var helpful = await server.Factory.WithDbAsync(db => db.Set<HelpArticle>().Where(a => a.Slug == "resetting-your-customer-portal-password").Select(a => a.HelpfulCount).SingleAsync());
        Assert.Equal(1, helpful);

        await page.ReloadAsync();
        await Expect(article.Feedback).ToContainTextAsync("already rated");
        await Expect(article.Feedback.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Support_OverTheClientLimit_SaysSoAndKeepsWhatWasTyped()
    {
        await using var server = PortalServer.Start(settings => settings["RateLimiting:ContactSupport:PermitLimit"] = "1");
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await SendContactFormAsync(page, server, "first@example.com", "My first question");
        await Expect(page.GetByTestId("support-sent")).ToContainTextAsync("we've received your request");

        await SendContactFormAsync(page, server, "second@example.com", "My second question");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("many requests from your network");
        await Expect(page.GetByLabel("Email for our reply")).ToHaveValueAsync("second@example.com");
        await Expect(page.GetByLabel("Subject")).ToHaveValueAsync("My second question");
        await Expect(page.GetByLabel("Message")).ToHaveValueAsync("Nothing arrived after I paid.");
    }

    [Fact]
    public async Task Support_SignedInCustomerSendsRequest_SeesItOpenUnderMyRequests()
    {
        await using var server = PortalServer.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await SignInAsync(page, server, DemoDataSeeder.DemoAccounts[0].Email, "/support/contact");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contact support", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send request" })).ToBeEnabledAsync();

        await page.GetByLabel("Subject").FillAsync("Where is my November invoice?");
        await page.GetByLabel("Message").FillAsync("I can't find the November invoice in the portal.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Expect(page.GetByTestId("support-sent")).ToContainTextAsync("we've received your request");
        await server.Smtp.WaitForOneAsync("support@example.com", "Where is my November invoice?");

        await page.GetByRole(AriaRole.Link, new() { Name = "See my support requests" }).ClickAsync();
        var requests = page.GetByTestId("support-requests");
        await Expect(requests).ToContainTextAsync("Where is my November invoice?");
        await Expect(requests.GetByTestId("request-status")).ToHaveTextAsync("Open");
        await Screenshots.SaveIfAskedAsync(page, "support-requests", fullPage: false, variable: ScreenshotVariable);

        await using var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await SignInAsync(staff, server, DemoDataSeeder.DemoAccounts[1].Email, "/support/manage");
        var row = staff.Locator("tr", new() { HasText = "Where is my November invoice?" });
        await row.Locator("[data-testid=status-select][data-interactive=true] div.mud-select").First.ClickAsync();
        await staff.Locator(".mud-popover-open").GetByText("Resolved", new() { Exact = true }).ClickAsync();
        await Expect(staff.GetByText("is now \u201cResolved\u201d")).ToBeVisibleAsync();
        await Screenshots.SaveIfAskedAsync(staff, "support-manage", fullPage: false, variable: ScreenshotVariable);

        await page.ReloadAsync();
        await Expect(requests.GetByTestId("request-status")).ToHaveTextAsync("Resolved");
    }

    [Fact]
    public async Task StaffEditor_WriteWithPreviewAndPublish_ArticleIsSearchable()
    {
        await using var server = PortalServer.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, server, DemoDataSeeder.DemoAccounts[1].Email, "/help/manage/new");

        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true });
        await Expect(publish).ToBeEnabledAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Paying your invoice by card");
        await page.GetByLabel("Tags").FillAsync("billing, card");
        await page.GetByLabel("Summary").FillAsync("Pay an open invoice with a debit or credit card.");
        await page.GetByLabel("Body (Markdown)").FillAsync("## Pay by card\n\nOpen **Billing** and choose *Pay now*.\n\n<script>window.pwned = 1</script>");

        var preview = page.GetByTestId("article-preview");
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Pay by card" })).ToBeVisibleAsync();
        await Expect(preview.Locator("strong")).ToHaveTextAsync("Billing");
        await Expect(preview.Locator("script")).ToHaveCountAsync(0);
        await Screenshots.SaveIfAskedAsync(page, "help-editor", fullPage: false, variable: ScreenshotVariable);
        await publish.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "View article" })).ToBeVisibleAsync();

        await page.GotoAsync(server.Url("help/search?q=invoice%20card"));
        await Expect(page.GetByTestId("search-results").GetByRole(AriaRole.Link).First).ToHaveTextAsync("Paying your invoice by card");
    }

    private static async Task SendContactFormAsync(IPage page, PortalServer server, string email, string subject)
    {
        await page.GotoAsync(server.Url("/support/contact"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send request" })).ToBeEnabledAsync();
        await page.GetByLabel("Your name").FillAsync("Robin Visitor");
        await page.GetByLabel("Email for our reply").FillAsync(email);
        await page.GetByLabel("Subject").FillAsync(subject);
        await page.GetByLabel("Message").FillAsync("Nothing arrived after I paid.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
    }

    private static async Task SignInAsync(IPage page, PortalServer server, string email, string returnUrl)
    {
        var signIn = new LoginPage(page, server.BaseUrl);
        await signIn.OpenAsync(returnUrl);
        await signIn.SignInAsync(email, DemoDataSeeder.DemoPassword);
        await Expect(page).ToHaveURLAsync(server.Url(returnUrl));
    }
}
