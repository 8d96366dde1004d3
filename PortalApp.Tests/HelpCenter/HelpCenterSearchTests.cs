using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Features.HelpCenter;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.HelpCenter;

public sealed class HelpCenterSearchTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string ResetSlug = "resetting-your-customer-portal-password";

    [Fact]
    public async Task Search_ForgotPassword_FindsResetArticleFirst()
    {
        var results = await SearchAsync(new HelpSearchRequest("forgot password"));

        Assert.NotEmpty(results.Hits);
        Assert.Equal(ResetSlug, results.Hits[0].Slug);
    }

    [Fact]
    public async Task Search_PartialWord_MatchesByPrefix()
    {
        var results = await SearchAsync(new HelpSearchRequest("authentic"));

        Assert.Equal("step-by-step-guide-to-enabling-multi-factor-authentication-mfa", results.Hits[0].Slug);
    }

    [Fact]
    public async Task Search_WordInTitle_RanksAboveSameWordInBody()
    {
        await SaveAsync("Body mention", "Nothing special here.", "The quokkafix setting is explained in another article. quokkafix quokkafix.");
        await SaveAsync("Using quokkafix", "How it works.", "Short body.");

        var results = await SearchAsync(new HelpSearchRequest("quokkafix"));

        Assert.Equal(["Using quokkafix", "Body mention"], results.Hits.Select(h => h.Title));
    }

    [Fact]
    public async Task Search_CategoryFilter_ReturnsOnlyThatCategory()
    {
        var all = await SearchAsync(new HelpSearchRequest("password"));
        var filtered = await SearchAsync(new HelpSearchRequest("password", HelpCategory.GettingStarted));

        Assert.Contains(all.Hits, h => h.Category != HelpCategory.GettingStarted);
        Assert.NotEmpty(filtered.Hits);
        Assert.All(filtered.Hits, h => Assert.Equal(HelpCategory.GettingStarted, h.Category));
    }

    [Fact]
    public async Task Search_TagFilter_ReturnsOnlyTaggedArticles()
    {
        var results = await SearchAsync(new HelpSearchRequest("account", Tag: "mfa"));

        Assert.Equal(["step-by-step-guide-to-enabling-multi-factor-authentication-mfa"], results.Hits.Select(h => h.Slug));
    }

    [Fact]
    public async Task Search_CategoryWithoutQuery_BrowsesCategory()
    {
        var results = await SearchAsync(new HelpSearchRequest(null, HelpCategory.Troubleshooting));

        Assert.Contains(results.Hits, h => h.Slug == HelpCenterSeedContent.BrowserSupportSlug);
        Assert.All(results.Hits, h => Assert.Equal(HelpCategory.Troubleshooting, h.Category));
    }

    [Fact]
    public async Task Search_Match_HighlightsTermsAndEncodesHtml()
    {
        await SaveAsync("<b>Wombatcase</b> & friends", "Summary.", "Body about wombatcase.");

        var hit = Assert.Single((await SearchAsync(new HelpSearchRequest("wombatcase"))).Hits);

        Assert.Equal("&lt;b&gt;<mark>Wombatcase</mark>&lt;/b&gt; &amp; friends", hit.TitleHtml);
        Assert.Contains("<mark>wombatcase</mark>", hit.SnippetHtml);
    }

    [Fact]
    public async Task Search_EditedArticle_IndexFollowsTheNewText()
    {
        var saved = await SaveAsync("Numbatguide", "Summary.", "Body.");
        await WithArticlesAsync(a => a.SaveAsync(saved.Id, new ArticleInput("Renamed guide", saved.Slug!, HelpCategory.Billing, "", "Summary.", "Body.", "Staff"), publish: true));

        Assert.Empty((await SearchAsync(new HelpSearchRequest("numbatguide"))).Hits);
        Assert.Single((await SearchAsync(new HelpSearchRequest("renamed guide"))).Hits);
    }

    [Fact]
    public async Task Search_DraftArticle_IsNotFound()
    {
        await WithArticlesAsync(a => a.SaveAsync(null, new ArticleInput("Draft bilbywords", "", HelpCategory.Billing, "", "Summary.", "Body.", "Staff"), publish: false));

        Assert.Empty((await SearchAsync(new HelpSearchRequest("bilbywords"))).Hits);
    }

    [Fact]
    public async Task Search_NoArticleHasEveryWord_FallsBackToAnyWord()
    {
        var results = await SearchAsync(new HelpSearchRequest("authenticator xylophonezz"));

        Assert.True(results.MatchedAnyTerm);
        Assert.Equal("step-by-step-guide-to-enabling-multi-factor-authentication-mfa", results.Hits[0].Slug);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unbalanced quote")]
    [InlineData("password OR")]
    [InlineData("NEAR(password reset")]
    [InlineData("title:password")]
    [InlineData("pass* ^reset -login +x")]
    [InlineData("AND")]
    [InlineData("'; DROP TABLE HelpArticles; --")]
    [InlineData("пароль café 密码 🔑")]
    [InlineData("\0\u0001\u0002")]
    [InlineData("   ")]
    public async Task Search_HostileInput_ReturnsWithoutError(string query)
    {
        var results = await SearchAsync(new HelpSearchRequest(query));

        Assert.NotNull(results);
    }

    [Fact]
    public async Task Search_TenThousandCharacters_ReturnsWithoutError()
    {
        var query = string.Concat(Enumerable.Repeat("password \"reset\" OR ", 600))[..10_000];

        var results = await SearchAsync(new HelpSearchRequest(query));

        Assert.NotNull(results);
    }

    [Fact]
    public async Task SearchPage_NoResults_SuggestsContactingSupport()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/help/search?q=zzqqxxnothing");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"no-results\"", html);
        Assert.Contains("href=\"support/contact\"", html);
    }

    [Fact]
    public async Task SearchPage_ForgotPassword_ListsResetArticleFirstWithHighlights()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/help/search?q=forgot%20password");

        var first = html.IndexOf("href=\"help/articles/", StringComparison.Ordinal);
        Assert.True(first >= 0, "no result links");
        Assert.StartsWith($"href=\"help/articles/{ResetSlug}\"", html[first..]);
        Assert.Contains("<mark>Password</mark>", html);
    }

    private async Task<HelpSearchResults> SearchAsync(HelpSearchRequest request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HelpSearch>().SearchAsync(request);
    }

    private Task<ArticleSaveResult> SaveAsync(string title, string summary, string body)
        => WithArticlesAsync(a => a.SaveAsync(null, new ArticleInput(title, "", HelpCategory.Billing, "testing", summary, body, "Staff"), publish: true));

    private async Task<T> WithArticlesAsync<T>(Func<HelpArticles, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await action(scope.ServiceProvider.GetRequiredService<HelpArticles>());
        return result;
    }
}
