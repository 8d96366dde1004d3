using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.HelpCenter;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.HelpCenter;

public sealed class HelpCenterVoteTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Vote_SameBrowserTwice_CountsOnce()
    {
        var id = await NewArticleAsync();
        var browser = HelpArticles.VoterKeys(null, "browser-a");

        Assert.Equal(VoteOutcome.Recorded, await VoteAsync(id, browser, helpful: true));
        Assert.Equal(VoteOutcome.AlreadyVoted, await VoteAsync(id, browser, helpful: false));

        Assert.Equal((1, 0), await CountsAsync(id));
    }

    [Fact]
    public async Task Vote_SignedInUserFromAnotherBrowser_CountsOnce()
    {
        var id = await NewArticleAsync();
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "user-1")], "test"));

        Assert.Equal(VoteOutcome.Recorded, await VoteAsync(id, HelpArticles.VoterKeys(user, "laptop"), helpful: true));
        Assert.Equal(VoteOutcome.AlreadyVoted, await VoteAsync(id, HelpArticles.VoterKeys(user, "phone"), helpful: true));

        Assert.Equal((1, 0), await CountsAsync(id));
    }

    [Fact]
    public async Task Vote_BrowserThatVotedThenSignsIn_CountsOnce()
    {
        var id = await NewArticleAsync();
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "user-2")], "test"));

        Assert.Equal(VoteOutcome.Recorded, await VoteAsync(id, HelpArticles.VoterKeys(null, "shared"), helpful: false));
        Assert.Equal(VoteOutcome.AlreadyVoted, await VoteAsync(id, HelpArticles.VoterKeys(user, "shared"), helpful: true));

        Assert.Equal((0, 1), await CountsAsync(id));
    }

    [Fact]
    public async Task Vote_DifferentBrowsers_EachCount()
    {
        var id = await NewArticleAsync();

        await VoteAsync(id, HelpArticles.VoterKeys(null, "one"), helpful: true);
        await VoteAsync(id, HelpArticles.VoterKeys(null, "two"), helpful: true);
        await VoteAsync(id, HelpArticles.VoterKeys(null, "three"), helpful: false);

        Assert.Equal((2, 1), await CountsAsync(id));
    }

    [Fact]
    public async Task Vote_ConcurrentClicksFromOneBrowser_CountOnce()
    {
        var id = await NewArticleAsync();
        var keys = HelpArticles.VoterKeys(null, "racer");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => VoteAsync(id, keys, helpful: true)));

        Assert.Single(outcomes, o => o == VoteOutcome.Recorded);
        Assert.Equal((1, 0), await CountsAsync(id));
    }

    [Fact]
    public async Task Vote_NoCookieAndNotSignedIn_IsNotRecorded()
    {
        var id = await NewArticleAsync();

        Assert.Equal(VoteOutcome.VoterUnknown, await VoteAsync(id, HelpArticles.VoterKeys(null, null), helpful: true));
        Assert.Equal((0, 0), await CountsAsync(id));
    }

    [Fact]
    public async Task Vote_DraftArticle_IsRejected()
    {
        var id = await NewArticleAsync(publish: false);

        Assert.Equal(VoteOutcome.NotFound, await VoteAsync(id, HelpArticles.VoterKeys(null, "x"), helpful: true));
    }

    [Fact]
    public async Task MostHelpful_AfterVotes_ListsTheMostHelpfulFirst()
    {
        var id = await NewArticleAsync();
        foreach (var browser in new[] { "m1", "m2", "m3" })
        {
            await VoteAsync(id, HelpArticles.VoterKeys(null, browser), helpful: true);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var top = await scope.ServiceProvider.GetRequiredService<HelpArticles>().MostHelpfulAsync(3);
        Assert.Equal(id, top[0].Id);
    }

    private async Task<int> NewArticleAsync(bool publish = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<HelpArticles>().SaveAsync(null,
            new ArticleInput($"Vote test {Guid.NewGuid():N}", "", HelpCategory.Billing, "", "Summary.", "Body.", "Staff"), publish);
        return result.Id!.Value;
    }

    private async Task<VoteOutcome> VoteAsync(int id, IReadOnlyList<string> keys, bool helpful)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HelpArticles>().VoteAsync(id, keys, helpful);
    }

    private Task<(int Helpful, int NotHelpful)> CountsAsync(int id)
        => factory.WithDbAsync(async db =>
        {
            var article = await db.Set<HelpArticle>().AsNoTracking().SingleAsync(a => a.Id == id);
            return (article.HelpfulCount, article.NotHelpfulCount);
        });
}
