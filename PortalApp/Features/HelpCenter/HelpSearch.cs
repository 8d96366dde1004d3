using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PortalApp.Data;

namespace PortalApp.Features.HelpCenter;

/// <summary>Full-text search over published articles with SQLite FTS5 (table <c>HelpArticleSearch</c>, kept in sync by triggers).</summary>
internal sealed class HelpSearch(IDbContextFactory<PortalDbContext> dbFactory)
{
    // Column order of HelpArticleSearch: Title, Tags, Summary, BodyText; bm25 weights them 10 : 6 : 3 : 1.
    // Ordering by the FTS5 "rank" column (not a bm25() expression) lets FTS5 hand rows over already sorted, so the
    // LIMIT stops early and snippet()/highlight() run only for the rows returned.
    private const char MarkStart = '\u0001';
    private const char MarkEnd = '\u0002';

    public async Task<HelpSearchResults> SearchAsync(HelpSearchRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tag = string.IsNullOrWhiteSpace(request.Tag) ? null : ArticleTags.Normalize(request.Tag);
        var limit = Math.Clamp(request.Limit, 1, 100);
        var terms = HelpSearchQuery.Terms(request.Query);
        if (terms.Count == 0)
        {
            return new HelpSearchResults(await BrowseAsync(db, request.Category, tag, limit, cancellationToken), terms, false);
        }

        var hits = await MatchAsync(db, HelpSearchQuery.ToMatchExpression(terms, matchAll: true)!, request.Category, tag, limit, cancellationToken);
        if (hits.Count > 0 || terms.Count == 1)
        {
            return new HelpSearchResults(hits, terms, false);
        }

        // Nothing has every word: fall back to articles with any of them, still ranked by relevance.
        hits = await MatchAsync(db, HelpSearchQuery.ToMatchExpression(terms, matchAll: false)!, request.Category, tag, limit, cancellationToken);
        return new HelpSearchResults(hits, terms, hits.Count > 0);
    }

    private static async Task<IReadOnlyList<HelpSearchHit>> MatchAsync(PortalDbContext db, string match, HelpCategory? category, string? tag, int limit, CancellationToken cancellationToken)
    {
        var categoryValue = (int?)category;
        var tagPattern = tag is null ? null : "|" + tag + "|";
        var rows = await db.Database.SqlQuery<SearchRow>($"""
            SELECT a.Id, a.Slug, a.Title, a.Category, a.Tags, a.Summary,
                   highlight(HelpArticleSearch, 0, char(1), char(2)) AS TitleMarked,
                   CASE WHEN instr(snippet(HelpArticleSearch, 3, char(1), char(2), '…', 24), char(1)) > 0
                        THEN snippet(HelpArticleSearch, 3, char(1), char(2), '…', 24)
                        ELSE highlight(HelpArticleSearch, 2, char(1), char(2)) END AS SnippetMarked
            FROM HelpArticleSearch
            JOIN HelpArticles AS a ON a.Id = HelpArticleSearch.rowid
            WHERE HelpArticleSearch MATCH {match}
              AND HelpArticleSearch.rank MATCH 'bm25(10.0, 6.0, 3.0, 1.0)'
              AND a.State = 1
              AND ({categoryValue} IS NULL OR a.Category = {categoryValue})
              AND ({tagPattern} IS NULL OR instr(a.Tags, {tagPattern}) > 0)
            ORDER BY HelpArticleSearch.rank
            LIMIT {limit}
            """).ToListAsync(cancellationToken);

        return rows.Select(r => new HelpSearchHit(
            r.Id, r.Slug, r.Title, (HelpCategory)r.Category, ArticleTags.Parse(r.Tags), r.Summary,
            MarksToHtml(r.TitleMarked), MarksToHtml(r.SnippetMarked))).ToList();
    }

    private static async Task<IReadOnlyList<HelpSearchHit>> BrowseAsync(PortalDbContext db, HelpCategory? category, string? tag, int limit, CancellationToken cancellationToken)
    {
        if (category is null && tag is null)
        {
            return [];
        }

        var query = db.Set<HelpArticle>().AsNoTracking().Where(a => a.State == ArticleState.Published);
        if (category is not null)
        {
            query = query.Where(a => a.Category == category);
        }

        if (tag is not null)
        {
            var pattern = "|" + tag + "|";
            query = query.Where(a => a.Tags.Contains(pattern));
        }

        var rows = await query.OrderByDescending(a => a.HelpfulCount).ThenBy(a => a.Id).Take(limit)
            .Select(a => new { a.Id, a.Slug, a.Title, a.Category, a.Tags, a.Summary })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new HelpSearchHit(r.Id, r.Slug, r.Title, r.Category, ArticleTags.Parse(r.Tags), r.Summary,
            WebUtility.HtmlEncode(r.Title), WebUtility.HtmlEncode(r.Summary))).ToList();
    }

    /// <summary>Encodes everything, then turns the FTS5 markers into balanced <c>&lt;mark&gt;</c> tags.</summary>
    internal static string MarksToHtml(string? marked)
    {
        if (string.IsNullOrEmpty(marked))
        {
            return "";
        }

        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] != MarkStart && marked[i] != MarkEnd)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(marked[start..i]));
            if (i < marked.Length)
            {
                if (marked[i] == MarkStart && !open)
                {
                    html.Append("<mark>");
                    open = true;
                }
                else if (marked[i] == MarkEnd && open)
                {
                    html.Append("</mark>");
                    open = false;
                }
            }

            start = i + 1;
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    private sealed class SearchRow
    {
        public int Id { get; set; }

        public string Slug { get; set; } = "";

        public string Title { get; set; } = "";

        public int Category { get; set; }

        public string Tags { get; set; } = "";

        public string Summary { get; set; } = "";

        public string? TitleMarked { get; set; }

        public string? SnippetMarked { get; set; }
    }
}
