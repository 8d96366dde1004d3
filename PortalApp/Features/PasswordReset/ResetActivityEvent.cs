using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortalApp.Platform.Clients;

namespace PortalApp.Features.PasswordReset;

/// <summary>
/// One step of password-reset activity, for the staff dashboard. Never holds a token, link or password. Events about
/// a request come from <see cref="ResetRequest.Record"/>; only a link that matches no request makes one on its own.
/// </summary>
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

    /// <summary>An attempt with a link that matches no request (garbage, tampered or never issued): only who tried is known.</summary>
    public static ResetActivityEvent WithoutRequest(ResetActivityType type, DateTimeOffset at, ClientInfo by, string? detail = null) => new()
    {
        OccurredAt = at,
        Type = type,
        IpAddress = by.IpAddress,
        UserAgent = by.UserAgent,
        Detail = Shorten(detail),
    };

    internal static string? Shorten(string? detail) =>
        detail is { Length: > ResetLimits.DetailMaxLength } ? detail[..ResetLimits.DetailMaxLength] : detail;
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
