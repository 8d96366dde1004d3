using PortalApp.Features.PasswordReset;

namespace PortalApp.Features.Staff;

public enum RequestLogSort
{
    Time,
    Email,
    Status,
    IpAddress,
    TimeToComplete,
}

/// <summary>Which requests the log shows: a <see cref="DashboardQuery"/> resolved to a fixed window.</summary>
public sealed record RequestLogFilter(ActivityRange Range, string? EmailContains = null, ResetRequestStatus? Status = null, string? IpAddress = null);

/// <summary>One page of the filtered log, in the order the table asks for.</summary>
public sealed record RequestLogQuery(RequestLogFilter Filter, RequestLogSort Sort = RequestLogSort.Time, bool Descending = true, int Page = 0, int PageSize = 25);
