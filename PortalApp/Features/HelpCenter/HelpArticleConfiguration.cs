using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PortalApp.Features.HelpCenter;

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
