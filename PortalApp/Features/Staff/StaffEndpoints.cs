using PortalApp.Platform.Security;

namespace PortalApp.Features.Staff;

internal static class StaffEndpoints
{
    public const string ExportPath = "/staff/reset-activity/export.csv";

    public static IEndpointRouteBuilder MapPortalStaffEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, async (HttpContext context, RequestLogQueries log, TimeProvider time) =>
        {
            var now = time.GetUtcNow();
            var filter = DashboardQuery.Parse(context.Request.QueryString.Value).FilterAt(now);

            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"reset-activity-{now:yyyyMMdd-HHmm}.csv\"";
            context.Response.Headers.CacheControl = "no-store";
            await RequestLogCsv.WriteAsync(log.StreamLogAsync(filter, context.RequestAborted), context.Response.Body, context.RequestAborted);
        }).RequireAuthorization(PortalPolicies.Staff);

        return endpoints;
    }

    /// <summary>The export link for <paramref name="query"/> (the dashboard pins it to the window it shows).</summary>
    public static string ExportUrl(DashboardQuery query) => ExportPath.TrimStart('/') + query.ToQueryString();
}
