using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.HelpCenter.Components;
using PortalApp.Features.HelpCenter;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.HelpCenter;

public sealed class HelpCenterComponentTests : BunitTestBase
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), "portal-tests", $"bunit-{Guid.NewGuid():N}.db");

    public HelpCenterComponentTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        Services.AddDbContextFactory<PortalDbContext>(o => o.UseSqlite($"Data Source={databasePath}"));
        Services.AddSingleton<ArticleRenderer>();
        Services.AddScoped<HelpArticles>();
        Services.AddScoped(_ => new BrowserVisitor { VisitorId = "bunit-browser" });
        AddAuthorization();
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void VideoCard_FileNotHosted_ShowsVideoUnavailableAndNoPlayer()
    {
        var cut = Render<VideoCard>(p => p.Add(c => c.Video, Video(isAvailable: false)));

        Assert.Contains("Video unavailable", cut.Find("[data-testid=video-unavailable]").TextContent);
        Assert.Empty(cut.FindAll("video"));
        Assert.Contains("4:12", cut.Markup);
    }

    [Fact]
    public void VideoCard_FileHosted_RendersHtml5Player()
    {
        var cut = Render<VideoCard>(p => p.Add(c => c.Video, Video(isAvailable: true)));

        var video = cut.Find("video");
        Assert.True(video.HasAttribute("controls"));
        Assert.Equal("videos/demo.mp4", cut.Find("video source").GetAttribute("src"));
        Assert.Empty(cut.FindAll("[data-testid=video-unavailable]"));
    }

    [Fact]
    public async Task ArticleFeedback_ClickYes_ThanksAndCountsOneVote()
    {
        var id = await NewArticleAsync();
        var cut = Render<ArticleFeedback>(p => p.Add(c => c.ArticleId, id));
        cut.WaitForAssertion(() => Assert.Contains("Was this article helpful?", cut.Markup));

        cut.FindAll("button").Single(b => b.TextContent.Contains("Yes", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Contains("Thanks for your feedback", cut.Find("[data-testid=feedback-thanks]").TextContent));
        Assert.Equal(1, await HelpfulCountAsync(id));
    }

    [Fact]
    public async Task ArticleFeedback_BrowserAlreadyVoted_ShowsNoButtons()
    {
        var id = await NewArticleAsync();
        await Services.GetRequiredService<HelpArticles>().VoteAsync(id, HelpArticles.VoterKeys(null, "bunit-browser"), helpful: false);

        var cut = Render<ArticleFeedback>(p => p.Add(c => c.ArticleId, id));

        cut.WaitForAssertion(() => Assert.Contains("already rated", cut.Markup));
        Assert.Empty(cut.FindAll("button"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        File.Delete(databasePath);
    }

    private static VideoView Video(bool isAvailable)
        => new(1, "Admin Panel - How To Started the Dashboard Tutorial", "Part 1", "Support", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(252),
            "videos/demo.mp4", "img/help/video-thumbnail.svg", isAvailable);

    private async Task<int> NewArticleAsync()
    {
        await using (var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var result = await Services.GetRequiredService<HelpArticles>().SaveAsync(null,
            new ArticleInput("Feedback test", "", HelpCategory.Billing, "", "Summary.", "Body.", "Staff"), publish: true);
        return result.Id!.Value;
    }

    private async Task<int> HelpfulCountAsync(int id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Set<HelpArticle>().Where(a => a.Id == id).Select(a => a.HelpfulCount).SingleAsync();
    }
}
