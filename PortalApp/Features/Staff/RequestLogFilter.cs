using PortalApp.Features.PasswordReset;

namespace PortalApp.Features.Staff;

/// <summary>Which requests the log shows: a <see cref="DashboardQuery"/> resolved to a fixed window.</summary>
public sealed record RequestLogFilter(ActivityRange Range, string? EmailContains = null, ResetRequestStatus? Status = null, string? IpAddress = null);
