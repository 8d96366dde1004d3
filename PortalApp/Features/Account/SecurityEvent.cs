using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortalApp.Data;

namespace PortalApp.Features.Account;

public enum SecurityEventKind
{
    SignedIn,
    SignInFailed,
    SignedInWithRecoveryCode,
    PasswordChanged,
    MfaEnabled,
    MfaDisabled,
    AuthenticatorReset,
    RecoveryCodesRegenerated,
    EmailChanged,
}

/// <summary>One entry of a customer's own security history (shown on the "Security activity" page).</summary>
public sealed class SecurityEvent
{
    public const int IpAddressMaxLength = 45;
    public const int UserAgentMaxLength = 256;

    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public SecurityEventKind Kind { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.ToTable("SecurityEvents");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.IpAddress).HasMaxLength(SecurityEvent.IpAddressMaxLength);
        builder.Property(e => e.UserAgent).HasMaxLength(SecurityEvent.UserAgentMaxLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.UserId, e.OccurredAt });
    }
}

public sealed record SecurityActivityItem(SecurityEventKind Kind, DateTimeOffset OccurredAt, string? IpAddress, string Browser)
{
    public string Description => Kind switch
    {
        SecurityEventKind.SignedIn => "Signed in",
        SecurityEventKind.SignInFailed => "Failed sign-in attempt (wrong password)",
        SecurityEventKind.SignedInWithRecoveryCode => "Signed in with a recovery code",
        SecurityEventKind.PasswordChanged => "Password changed",
        SecurityEventKind.MfaEnabled => "Two-factor authentication turned on",
        SecurityEventKind.MfaDisabled => "Two-factor authentication turned off",
        SecurityEventKind.AuthenticatorReset => "Authenticator key reset",
        SecurityEventKind.RecoveryCodesRegenerated => "New recovery codes generated",
        SecurityEventKind.EmailChanged => "Email address changed",
        _ => Kind.ToString(),
    };
}

/// <summary>Records and reads a customer's security events. IP and browser come from the current HTTP request, when there is one.</summary>
internal sealed class SecurityEvents(PortalDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    public const int ActivityPageSize = 50;

    public async Task RecordAsync(string userId, SecurityEventKind kind, CancellationToken cancellationToken = default)
    {
        var request = http.HttpContext;
        var userAgent = request?.Request.Headers.UserAgent.ToString();
        db.SecurityEvents.Add(new SecurityEvent
        {
            UserId = userId,
            Kind = kind,
            OccurredAt = time.GetUtcNow(),
            IpAddress = request?.Connection.RemoteIpAddress?.ToString() is { Length: <= SecurityEvent.IpAddressMaxLength } ip ? ip : null,
            UserAgent = string.IsNullOrEmpty(userAgent) ? null : userAgent[..Math.Min(userAgent.Length, SecurityEvent.UserAgentMaxLength)],
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SecurityActivityItem>> RecentAsync(string userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserId == userId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(ActivityPageSize)
            .ToListAsync(cancellationToken);
        return rows.Select(e => new SecurityActivityItem(e.Kind, e.OccurredAt, e.IpAddress, PortalApp.Platform.Clients.UserAgents.Describe(e.UserAgent))).ToList();
    }
}
