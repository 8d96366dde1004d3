using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PortalApp.Features.HelpCenter;

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
