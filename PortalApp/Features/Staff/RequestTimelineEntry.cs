using PortalApp.Features.PasswordReset;

namespace PortalApp.Features.Staff;

/// <summary>One event in a request's timeline dialog.</summary>
public sealed record RequestTimelineEntry(DateTimeOffset OccurredAt, ResetActivityType Type, string? IpAddress, string Browser, string? Detail);
