using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PortalApp.Features.HelpCenter;

/// <summary>A knowledge-base article. The body is Markdown; <see cref="BodyText"/> is its plain text, which the search index reads.</summary>
public sealed class HelpArticle
{
    public int Id { get; set; }

    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    public HelpCategory Category { get; set; }

    /// <summary>Tags as <c>|tag-one|tag-two|</c>, so one tag matches exactly with a plain substring test; see <see cref="ArticleTags"/>.</summary>
    public string Tags { get; set; } = "";

    public string Summary { get; set; } = "";

    public string BodyMarkdown { get; set; } = "";

    public string BodyText { get; set; } = "";

    public string Author { get; set; } = "";

    public ArticleState State { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int HelpfulCount { get; set; }

    public int NotHelpfulCount { get; set; }
}
