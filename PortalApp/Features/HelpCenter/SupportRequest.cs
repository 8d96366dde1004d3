using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortalApp.Data;

namespace PortalApp.Features.HelpCenter;

public enum SupportRequestStatus
{
    Open = 0,
    InProgress = 1,
    WaitingOnCustomer = 2,
    Resolved = 3,
    Closed = 4,
}

public sealed class SupportRequest
{
    public int Id { get; set; }

    /// <summary>The signed-in customer who sent it; null for a visitor who wasn't signed in.</summary>
    public string? UserId { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Subject { get; set; } = "";

    public HelpCategory Category { get; set; }

    public string Message { get; set; } = "";

    public SupportRequestStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

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

public static class SupportRequestStatuses
{
    public static string Label(SupportRequestStatus status) => status switch
    {
        SupportRequestStatus.Open => "Open",
        SupportRequestStatus.InProgress => "In progress",
        SupportRequestStatus.WaitingOnCustomer => "Waiting on you",
        SupportRequestStatus.Resolved => "Resolved",
        SupportRequestStatus.Closed => "Closed",
        _ => status.ToString(),
    };
}
