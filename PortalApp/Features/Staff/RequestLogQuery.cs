namespace PortalApp.Features.Staff;

public enum RequestLogSort
{
    Time,
    Email,
    Status,
    IpAddress,
    TimeToComplete,
}

/// <summary>One page of the filtered log, in the order the table asks for.</summary>
public sealed record RequestLogQuery(RequestLogFilter Filter, RequestLogSort Sort = RequestLogSort.Time, bool Descending = true, int Page = 0, int PageSize = 25);
