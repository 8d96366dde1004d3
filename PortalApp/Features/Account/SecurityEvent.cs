using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortalApp.Data;

namespace PortalApp.Features.Account;

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
