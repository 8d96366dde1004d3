using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using PortalApp.Platform.Clients;

namespace PortalApp.Features.PasswordReset;

/// <summary>Where a reset request is in its lifecycle (DESIGN.md, "Reset requests, tokens and activity").</summary>
public enum ResetRequestStatus
{
    /// <summary>Recorded by the forgot form; not yet processed.</summary>
    Requested = 0,
    EmailQueued = 1,
    EmailSent = 2,
    LinkOpened = 3,
    Completed = 4,
    UnknownAccount = 5,
    Throttled = 6,
    Expired = 7,
    EmailFailed = 8,

    /// <summary>A token issued without the forgot form (e.g. through <c>UserManager.GeneratePasswordResetTokenAsync</c>).</summary>
    Issued = 9,
}

/// <summary>
/// One "Forgot password" submission. The link's token is never stored: only its SHA-256 hash, its expiry and
/// the account's security stamp at issue, so a database leak yields no usable link.
/// </summary>
public sealed class ResetRequest
{
    public Guid Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The address as typed, trimmed and lower-cased.</summary>
    public string Email { get; set; } = "";

    public string? UserId { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public ResetRequestStatus Status { get; set; }

    public byte[]? TokenHash { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public string? SecurityStamp { get; set; }

    public DateTimeOffset? EmailSentAt { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

internal sealed class ResetRequestConfiguration : IEntityTypeConfiguration<ResetRequest>
{
    public void Configure(EntityTypeBuilder<ResetRequest> builder)
    {
        builder.ToTable("ResetRequests");
        builder.Property(r => r.Email).HasMaxLength(ResetLimits.EmailMaxLength);
        builder.Property(r => r.UserId).HasMaxLength(64);
        builder.Property(r => r.IpAddress).HasMaxLength(ResetLimits.IpMaxLength);
        builder.Property(r => r.UserAgent).HasMaxLength(ResetLimits.UserAgentMaxLength);
        builder.Property(r => r.TokenHash).HasMaxLength(32);
        builder.Property(r => r.SecurityStamp).HasMaxLength(256);
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.UserId, r.CreatedAt });
        builder.HasIndex(r => new { r.IpAddress, r.CreatedAt });
        builder.HasIndex(r => new { r.Email, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.ExpiresAt });
    }
}

public static class ResetLimits
{
    public const int EmailMaxLength = 254;
    public const int IpMaxLength = ClientInfo.IpMaxLength;
    public const int UserAgentMaxLength = ClientInfo.UserAgentMaxLength;
    public const int DetailMaxLength = 200;
}
