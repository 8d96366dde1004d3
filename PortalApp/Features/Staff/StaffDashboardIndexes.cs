using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortalApp.Features.PasswordReset;

namespace PortalApp.Features.Staff;

/// <summary>Indexes the dashboard's queries need beyond the reset flow's own (kept here so the entity's owner need not carry them).</summary>
internal sealed class StaffDashboardIndexes : IEntityTypeConfiguration<ResetRequest>
{
    public void Configure(EntityTypeBuilder<ResetRequest> builder)
    {
        // Covers the median time-to-complete: completions in a range, ordered by CompletedAt - CreatedAt.
        builder.HasIndex(r => new { r.CompletedAt, r.CreatedAt }).HasDatabaseName("IX_ResetRequests_CompletedAt_CreatedAt");
    }
}
