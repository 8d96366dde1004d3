using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Features.HelpCenter;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.HelpCenter;

public sealed class HelpCenterPageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Seed_RunTwice_KeepsOneCopyOfEachArticleAndVideo()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HelpCenterSeeder>().SeedAsync();
        }

        var slugs = await factory.WithDbAsync(db => db.Set<HelpArticle>().Select(a => a.Slug).ToListAsync());
        var videos = await factory.WithDbAsync(db => db.Set<VideoTutorial>().CountAsync());
        Assert.Equal(HelpCenterSeedContent.Articles.Count, slugs.Count(s => HelpCenterSeedContent.Articles.Any(a => a.Article.Slug == s)));
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.Equal(3, videos);
    }

    [Fact]
    public async Task HelpHome_Get_ShowsHeaderCategoriesMostHelpfulAndVideos()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/help");

        Assert.Contains("How can we help you?", html);
        Assert.Contains("role=\"search\"", html);
        foreach (var category in new[] { "Getting Started", "Account &amp; Security", "Billing", "Troubleshooting" })
        {
            Assert.Contains(category, html);
        }

        Assert.Contains("Most helpful articles", html);
        Assert.Contains("Admin Panel - How To Started the Dashboard Tutorial", html);
    }

    [Fact]
    public async Task ResetArticle_Get_ShowsStepsRequirementsAndLinks()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/help/articles/resetting-your-customer-portal-password");

        Assert.Contains("Resetting Your Customer Portal Password: Step-by-Step", html);
        Assert.Contains("href=\"/Account/Login\"", html);
        Assert.Contains("href=\"/Account/ForgotPassword\"", html);
        Assert.Contains("60 minutes", html);
        Assert.Contains("spam or junk folder", html);
        Assert.Contains("at least 8 characters", html);
        Assert.Contains("Was this article helpful?", html);
        Assert.Contains("Related articles", html);
        Assert.Contains("href=\"support/contact\"", html);
        Assert.Contains("Account &amp; Security", html);
    }

    [Fact]
    public async Task Article_UnknownSlug_Returns404()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/help/articles/no-such-article");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Article_ScriptInStoredMarkdown_IsNotRendered()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HelpArticles>().SaveAsync(null,
                new ArticleInput("Scripted", "scripted", HelpCategory.Billing, "", "Summary.", "Hi\n\n<script>window.pwned=1</script>", "Staff"), publish: true);
        }

        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/help/articles/scripted");

        Assert.DoesNotContain("window.pwned", html);
    }

    [Fact]
    public async Task Videos_FilesNotHosted_ShowVideoUnavailableInsteadOfPlayer()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/help/videos");

        Assert.Equal(3, html.Split("data-testid=\"video-unavailable\"").Length - 1);
        Assert.DoesNotContain("<video", html);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", true)]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36", false)]
    public async Task Layout_UserAgent_ShowsBannerOnlyForUnsupportedBrowsers(string userAgent, bool banner)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var html = await client.GetStringAsync("/help");

        Assert.Equal(banner, html.Contains("data-testid=\"unsupported-browser\"", StringComparison.Ordinal));
        if (banner)
        {
            Assert.Contains($"help/articles/{HelpCenterSeedContent.BrowserSupportSlug}", html);
        }
    }

    [Fact]
    public async Task StaffEditor_NotSignedIn_IsNotServed()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/help/manage/new");

        Assert.DoesNotContain("Body (Markdown)", await response.Content.ReadAsStringAsync());
        Assert.Contains("Account/Login", response.Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task FirstVisit_Get_SetsAnonymousVisitorCookie()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.GetAsync("/help");

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.visitor=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }
}
