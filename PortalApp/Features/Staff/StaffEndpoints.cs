using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Security;

namespace PortalApp.Features.Staff;

internal static class StaffEndpoints
{
    public const string ExportPath = "/staff/reset-activity/export.csv";

    public static IEndpointRouteBuilder MapPortalStaffEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, async (HttpContext context, ResetActivityQueries queries, TimeProvider time, string? from, string? to, string? email, string? status, string? ip) =>
        {
            var now = time.GetUtcNow();
            var range = new ActivityRange(ParseTime(from) ?? now.AddDays(-7), ParseTime(to) ?? now);
            var filter = new RequestLogFilter(range, email, Enum.TryParse<ResetRequestStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null, ip);

            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"reset-activity-{now:yyyyMMdd-HHmm}.csv\"";
            context.Response.Headers.CacheControl = "no-store";
            await RequestLogCsv.WriteAsync(queries.StreamLogAsync(filter, context.RequestAborted), context.Response.Body, context.RequestAborted);
        }).RequireAuthorization(PortalPolicies.Staff);

        return endpoints;
    }

    /// <summary>The export link for what the log currently shows.</summary>
    public static string ExportUrl(RequestLogFilter filter) => QueryHelpers.AddQueryString(ExportPath.TrimStart('/'), new Dictionary<string, string?>
    {
        ["from"] = filter.Range.From.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["to"] = filter.Range.To.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["email"] = string.IsNullOrWhiteSpace(filter.EmailContains) ? null : filter.EmailContains,
        ["status"] = filter.Status?.ToString(),
        ["ip"] = string.IsNullOrWhiteSpace(filter.IpAddress) ? null : filter.IpAddress,
    }.Where(p => p.Value is not null));

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
}
