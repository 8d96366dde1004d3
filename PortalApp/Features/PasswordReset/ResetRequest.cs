using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortalApp.Platform.Clients;

namespace PortalApp.Features.PasswordReset;

/// <summary>
/// One "Forgot password" submission. The link's token is never stored: only its SHA-256 hash, its expiry and
/// the account's security stamp at issue, so a database leak yields no usable link.
/// </summary>
/// <remarks>
/// The request owns its lifecycle: <see cref="Record"/> is the only way its status and step times change.
/// <see cref="Status"/> is a concurrency token, so a save based on a status someone else has moved since is refused
/// rather than moving the request back (see <see cref="ResetRequestUpdates"/>).
/// </remarks>
public sealed class ResetRequest
{
    public Guid Id { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The address as typed, trimmed and lower-cased.</summary>
    public string Email { get; init; } = "";

    public string? UserId { get; set; }

    public string? IpAddress { get; init; }

    /// <summary>The network the per-IP limit counts the request against (the rate limits' rule: an IPv6 client's /64).</summary>
    public string? ClientKey { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>Starts as Requested (a forgot-form submission) or Issued (<see cref="IssuedDirectly"/>); moved only by <see cref="Record"/>.</summary>
    public ResetRequestStatus Status { get; private set; }

    public byte[]? TokenHash { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public string? SecurityStamp { get; set; }

    public DateTimeOffset? EmailSentAt { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    /// <summary>When the link was claimed for a reset (set atomically by <see cref="ResetLinks"/>, given back if the reset fails).</summary>
    public DateTimeOffset? ConsumedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>A request for a link made outside the forgot form (e.g. by an operator tool): no email will be queued for it.</summary>
    public static ResetRequest IssuedDirectly(DateTimeOffset at, string email) =>
        new() { Id = Guid.CreateVersion7(at), CreatedAt = at, Email = email, Status = ResetRequestStatus.Issued };

    /// <summary>
    /// Records that <paramref name="type"/> happened to this request and moves its status as <see cref="ResetLifecycle"/>
    /// says. Returns the event, for the caller to add to the DbContext that saves this request.
    /// </summary>
    /// <param name="by">The browser that did it when it is not the requester's (whoever opened or used the link).</param>
    public ResetActivityEvent Record(ResetActivityType type, DateTimeOffset at, string? detail = null, ClientInfo? by = null)
    {
        var before = Status;
        Status = ResetLifecycle.StatusAfter(before, type);
        var moved = Status != before;
        switch (type)
        {
            case ResetActivityType.EmailSent:
                EmailSentAt ??= at;
                break;
            case ResetActivityType.LinkOpened when moved:
                OpenedAt = at;
                break;
            case ResetActivityType.Completed when moved:
                CompletedAt = at;
                break;
        }

        return new ResetActivityEvent
        {
            OccurredAt = at,
            Type = type,
            RequestId = Id,
            UserId = UserId,
            Email = Email,
            IpAddress = by is null ? IpAddress : by.IpAddress,
            UserAgent = by is null ? UserAgent : by.UserAgent,
            Detail = ResetActivityEvent.Shorten(detail),
        };
    }
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
        builder.Property(r => r.Status).IsConcurrencyToken();
        builder.Property(r => r.TokenHash).HasMaxLength(32);
        builder.Property(r => r.SecurityStamp).HasMaxLength(256);
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.UserId, r.CreatedAt });
        builder.Property(r => r.ClientKey).HasMaxLength(ResetLimits.IpMaxLength);
        builder.HasIndex(r => new { r.IpAddress, r.CreatedAt });
        builder.HasIndex(r => new { r.ClientKey, r.CreatedAt });
        builder.HasIndex(r => new { r.Email, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.ExpiresAt });
    }
}
