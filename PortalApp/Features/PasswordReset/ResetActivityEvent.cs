using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PortalApp.Features.PasswordReset;

public enum ResetActivityType
{
    Requested = 0,
    UnknownAccount = 1,
    Throttled = 2,
    EmailQueued = 3,
    EmailSent = 4,
    EmailFailed = 5,
    LinkOpened = 6,
    Completed = 7,

    /// <summary>Someone opened or submitted a link after it expired.</summary>
    ExpiredLinkUsed = 8,

    /// <summary>An attempt with a used, tampered or unknown link.</summary>
    InvalidLink = 9,

    /// <summary>A new password refused by the password policy.</summary>
    RejectedByPolicy = 10,

    /// <summary>A link ran out unused (recorded by the expiry sweep).</summary>
    LinkExpired = 11,
}

/// <summary>One step of password-reset activity, for the staff dashboard. Never holds a token, link or password.</summary>
public sealed class ResetActivityEvent
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public ResetActivityType Type { get; set; }

    public Guid? RequestId { get; set; }

    public string? UserId { get; set; }

    /// <summary>Trimmed, lower-cased address.</summary>
    public string? Email { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>A short, non-secret note (e.g. which policy rules were unmet).</summary>
    public string? Detail { get; set; }
}

internal sealed class ResetActivityEventConfiguration : IEntityTypeConfiguration<ResetActivityEvent>
{
    public void Configure(EntityTypeBuilder<ResetActivityEvent> builder)
    {
        builder.ToTable("ResetActivityEvents");
        builder.Property(e => e.Email).HasMaxLength(ResetLimits.EmailMaxLength);
        builder.Property(e => e.UserId).HasMaxLength(64);
        builder.Property(e => e.IpAddress).HasMaxLength(ResetLimits.IpMaxLength);
        builder.Property(e => e.UserAgent).HasMaxLength(ResetLimits.UserAgentMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(ResetLimits.DetailMaxLength);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.Type, e.OccurredAt });
        builder.HasIndex(e => e.RequestId);
    }
}
