using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace PortalApp.Platform.Security;

public static class AntiforgeryRejection
{
    /// <summary>
    /// A form post whose antiforgery token is missing, malformed or someone else's answers 400 with the portal's
    /// page, before any endpoint runs: minimal APIs would otherwise throw (a 500) and Blazor would answer in plain
    /// text. The request turns into a plain GET (no form, no verdict) so that the status page it re-executes to
    /// renders rather than being rejected in turn.
    /// </summary>
    public static IApplicationBuilder UseAntiforgeryRejection(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Request.Method = HttpMethods.Get;
            context.Features.Set<IAntiforgeryValidationFeature>(null);

            // Form endpoints opt out of status pages (they render their own answers); this answer is ours.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = true;
            }

            return Task.CompletedTask;
        }

        return next(context);
    });
}
