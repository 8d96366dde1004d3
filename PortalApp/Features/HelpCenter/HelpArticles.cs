using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PortalApp.Data;

namespace PortalApp.Features.HelpCenter;

/// <summary>Reading, writing and voting on articles. Each call uses its own short-lived DbContext (a circuit lives long).</summary>
internal sealed class HelpArticles(IDbContextFactory<PortalDbContext> dbFactory, ArticleRenderer renderer, TimeProvider time)
{
    public async Task<HelpArticle?> FindBySlugAsync(string slug, bool includeDrafts, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<HelpArticle>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Slug == slug && (includeDrafts || a.State == ArticleState.Published), cancellationToken);
    }

    public async Task<HelpArticle?> FindByIdAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<HelpArticle>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<ArticleSummary>> MostHelpfulAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db.Set<HelpArticle>().Where(a => a.State == ArticleState.Published)
                .OrderByDescending(a => a.HelpfulCount - a.NotHelpfulCount).ThenByDescending(a => a.HelpfulCount).ThenBy(a => a.Id))
            .Take(count).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ArticleSummary>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db.Set<HelpArticle>().OrderBy(a => a.State).ThenBy(a => a.Title)).ToListAsync(cancellationToken);
    }

    /// <summary>Published articles in the same category or sharing a tag; shared tags rank first.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> RelatedAsync(HelpArticle article, int count, CancellationToken cancellationToken = default)
    {
        var tags = ArticleTags.Parse(article.Tags).Select(t => "|" + t + "|").ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Set<HelpArticle>().AsNoTracking()
            .Where(a => a.State == ArticleState.Published && a.Id != article.Id)
            .Where(a => a.Category == article.Category || tags.Any(t => a.Tags.Contains(t)))
            .OrderByDescending(a => a.HelpfulCount).ThenBy(a => a.Id)
            .Take(200)
            .Select(a => new { Summary = new ArticleSummary(a.Id, a.Slug, a.Title, a.Category, a.Summary, a.HelpfulCount, a.PublishedAt, a.State), a.Tags })
            .ToListAsync(cancellationToken);
        return candidates
            .OrderByDescending(c => tags.Count(t => c.Tags.Contains(t, StringComparison.Ordinal)))
            .ThenByDescending(c => c.Summary.Category == article.Category)
            .Select(c => c.Summary)
            .Take(count)
            .ToList();
    }

    public async Task<ArticleSaveResult> SaveAsync(int? id, ArticleInput input, bool publish, CancellationToken cancellationToken = default)
    {
        var slug = Slugify(string.IsNullOrWhiteSpace(input.Slug) ? input.Title : input.Slug);
        if (slug.Length == 0)
        {
            return new ArticleSaveResult(null, null, ["Give the article a title or a slug with letters or digits."]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<HelpArticle>().AnyAsync(a => a.Slug == slug && a.Id != id, cancellationToken))
        {
            return new ArticleSaveResult(null, null, [$"Another article already uses the address /help/articles/{slug}."]);
        }

        var article = id is null ? new HelpArticle() : await db.Set<HelpArticle>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return new ArticleSaveResult(null, null, ["That article no longer exists."]);
        }

        var now = time.GetUtcNow();
        Apply(article, input, slug, now);
        if (publish && article.State != ArticleState.Published)
        {
            article.State = ArticleState.Published;
            article.PublishedAt = now;
        }

        if (id is null)
        {
            db.Add(article);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ArticleSaveResult(article.Id, article.Slug, []);
    }

    public async Task<bool> UnpublishAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<HelpArticle>().Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, ArticleState.Draft), cancellationToken) == 1;
    }

    /// <summary>The keys that identify this reader: the signed-in account, and the browser's cookie id.</summary>
    public static IReadOnlyList<string> VoterKeys(ClaimsPrincipal? user, string? browserId)
    {
        var keys = new List<string>(2);
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user?.Identity?.IsAuthenticated == true && !string.IsNullOrEmpty(userId))
        {
            keys.Add("user:" + userId);
        }

        if (!string.IsNullOrEmpty(browserId))
        {
            keys.Add("browser:" + browserId);
        }

        return keys;
    }

    public async Task<bool> HasVotedAsync(int articleId, IReadOnlyList<string> voterKeys, CancellationToken cancellationToken = default)
    {
        if (voterKeys.Count == 0)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ArticleVote>().AnyAsync(v => v.ArticleId == articleId && voterKeys.Contains(v.VoterKey), cancellationToken);
    }

    /// <summary>Records one vote per reader: the first key (the account when signed in) is stored; any key that already voted blocks it.</summary>
    public async Task<VoteOutcome> VoteAsync(int articleId, IReadOnlyList<string> voterKeys, bool helpful, CancellationToken cancellationToken = default)
    {
        if (voterKeys.Count == 0)
        {
            return VoteOutcome.VoterUnknown;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<HelpArticle>().AnyAsync(a => a.Id == articleId && a.State == ArticleState.Published, cancellationToken))
        {
            return VoteOutcome.NotFound;
        }

        if (await db.Set<ArticleVote>().AnyAsync(v => v.ArticleId == articleId && voterKeys.Contains(v.VoterKey), cancellationToken))
        {
            return VoteOutcome.AlreadyVoted;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(new ArticleVote { ArticleId = articleId, VoterKey = voterKeys[0], Helpful = helpful, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two clicks racing: the unique index let only one through.
            return VoteOutcome.AlreadyVoted;
        }

        var articles = db.Set<HelpArticle>().Where(a => a.Id == articleId);
        await (helpful
            ? articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.HelpfulCount, a => a.HelpfulCount + 1), cancellationToken)
            : articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.NotHelpfulCount, a => a.NotHelpfulCount + 1), cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return VoteOutcome.Recorded;
    }

    internal void Apply(HelpArticle article, ArticleInput input, string slug, DateTimeOffset now)
    {
        article.Title = input.Title.Trim();
        article.Slug = slug;
        article.Category = input.Category;
        article.Tags = ArticleTags.Format(input.Tags.Split([',', '|'], StringSplitOptions.RemoveEmptyEntries));
        article.Summary = input.Summary.Trim();
        article.BodyMarkdown = input.BodyMarkdown;
        article.BodyText = renderer.ToPlainText(input.BodyMarkdown);
        article.Author = input.Author.Trim();
        article.UpdatedAt = now;
    }

    public static string Slugify(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '_' or '/' or '.') && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length > HelpCenterLimits.SlugMaxLength ? result[..HelpCenterLimits.SlugMaxLength].TrimEnd('-') : result;
    }

    private static IQueryable<ArticleSummary> Summaries(IQueryable<HelpArticle> articles)
        => articles.AsNoTracking().Select(a => new ArticleSummary(a.Id, a.Slug, a.Title, a.Category, a.Summary, a.HelpfulCount, a.PublishedAt, a.State));
}
