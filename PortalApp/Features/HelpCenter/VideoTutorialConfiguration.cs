using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PortalApp.Features.HelpCenter;

internal sealed class VideoTutorialConfiguration : IEntityTypeConfiguration<VideoTutorial>
{
    public void Configure(EntityTypeBuilder<VideoTutorial> builder)
    {
        builder.ToTable("HelpVideos");
        builder.Property(v => v.Key).HasMaxLength(80);
        builder.HasIndex(v => v.Key).IsUnique();
        builder.Property(v => v.Title).HasMaxLength(HelpCenterLimits.TitleMaxLength);
        builder.Property(v => v.Description).HasMaxLength(1000);
        builder.Property(v => v.Author).HasMaxLength(HelpCenterLimits.AuthorMaxLength);
        builder.Property(v => v.VideoPath).HasMaxLength(300);
        builder.Property(v => v.ThumbnailPath).HasMaxLength(300);
    }
}
