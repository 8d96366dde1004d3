using PortalApp.Features.PasswordReset;

namespace PortalApp.Features.Staff;

/// <summary>One reset request as the log and the CSV export show it.</summary>
public sealed record RequestLogRow(
    Guid Id,
    DateTimeOffset CreatedAt,
    string Email,
    ResetRequestStatus Status,
    string? IpAddress,
    string Browser,
    TimeSpan? TimeToComplete);

public sealed record RequestLogPage(IReadOnlyList<RequestLogRow> Rows, int TotalCount);
