using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PortalApp.Features.HelpCenter;

public enum ArticleState
{
    Draft = 0,
    Published = 1,
}

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

internal sealed class HelpArticleConfiguration : IEntityTypeConfiguration<HelpArticle>
{
    public void Configure(EntityTypeBuilder<HelpArticle> builder)
    {
        builder.ToTable("HelpArticles");
        builder.Property(a => a.Slug).HasMaxLength(HelpCenterLimits.SlugMaxLength);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Title).HasMaxLength(HelpCenterLimits.TitleMaxLength);
        builder.Property(a => a.Tags).HasMaxLength(HelpCenterLimits.TagsMaxLength);
        builder.Property(a => a.Summary).HasMaxLength(HelpCenterLimits.SummaryMaxLength);
        builder.Property(a => a.BodyMarkdown).HasMaxLength(HelpCenterLimits.BodyMaxLength);
        builder.Property(a => a.Author).HasMaxLength(HelpCenterLimits.AuthorMaxLength);
        builder.HasIndex(a => new { a.State, a.Category });
        builder.HasIndex(a => new { a.State, a.HelpfulCount });
    }
}

/// <summary>One reader's answer to "Was this article helpful?"; the unique index is what makes it one vote per reader.</summary>
public sealed class ArticleVote
{
    public long Id { get; set; }

    public int ArticleId { get; set; }

    /// <summary><c>user:{id}</c> for a signed-in customer, <c>browser:{cookie id}</c> otherwise.</summary>
    public string VoterKey { get; set; } = "";

    public bool Helpful { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ArticleVoteConfiguration : IEntityTypeConfiguration<ArticleVote>
{
    public void Configure(EntityTypeBuilder<ArticleVote> builder)
    {
        builder.ToTable("HelpArticleVotes");
        builder.Property(v => v.VoterKey).HasMaxLength(100);
        builder.HasIndex(v => new { v.ArticleId, v.VoterKey }).IsUnique();
        builder.HasOne<HelpArticle>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
