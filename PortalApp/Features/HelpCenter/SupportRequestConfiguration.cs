using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortalApp.Data;

namespace PortalApp.Features.HelpCenter;

internal sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> builder)
    {
        builder.ToTable("SupportRequests");
        builder.Property(r => r.Name).HasMaxLength(PortalLimits.FullNameMaxLength);
        builder.Property(r => r.Email).HasMaxLength(PortalLimits.EmailMaxLength);
        builder.Property(r => r.Subject).HasMaxLength(HelpCenterLimits.SupportSubjectMaxLength);
        builder.Property(r => r.Message).HasMaxLength(HelpCenterLimits.SupportMessageMaxLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.UserId, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
    }
}
