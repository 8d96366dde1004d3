using PortalApp.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using PortalApp.Data;

namespace PortalApp.Features.HelpCenter;

/// <summary>Adds the built-in articles and videos that are missing (by slug / key); never overwrites staff edits.</summary>
internal sealed class HelpCenterSeeder(
    PortalDbContext db,
    HelpArticles articles,
    IEnumerable<PortalFact> facts,
    IServiceProvider services,
    TimeProvider time,
    ILogger<HelpCenterSeeder> logger) : IPortalSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var slugs = await db.Set<HelpArticle>().Select(a => a.Slug).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var (input, _) in HelpCenterSeedContent.Articles.OrderBy(a => a.Order))
        {
            if (slugs.Contains(input.Slug))
            {
                continue;
            }

            var article = new HelpArticle { State = ArticleState.Published, PublishedAt = now };
            articles.Apply(article, WithFacts(input), input.Slug, now);
            db.Add(article);
            added++;
        }

        var keys = await db.Set<VideoTutorial>().Select(v => v.Key).ToListAsync(cancellationToken);
        foreach (var video in HelpCenterSeedContent.Videos.Where(v => !keys.Contains(v.Key)))
        {
            db.Add(new VideoTutorial
            {
                Key = video.Key, Title = video.Title, Description = video.Description, Author = video.Author, PublishedAt = now,
                DurationSeconds = video.DurationSeconds, VideoPath = video.VideoPath, ThumbnailPath = video.ThumbnailPath, SortOrder = video.SortOrder,
            });
            added++;
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Seeded {Count} help center item(s).", added);
        }
    }

    /// <summary>The articles quote settings ("{reset-link-minutes} minutes"); they are written with today's values.</summary>
    private ArticleInput WithFacts(ArticleInput input) => input with
    {
        Title = PortalFact.Fill(input.Title, facts, services),
        Summary = PortalFact.Fill(input.Summary, facts, services),
        BodyMarkdown = PortalFact.Fill(input.BodyMarkdown, facts, services),
    };
}
