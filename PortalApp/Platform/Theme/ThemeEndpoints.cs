using Microsoft.AspNetCore.Mvc;
using PortalApp.Platform.Http;
using PortalApp.Platform.Security;

namespace PortalApp.Platform.Theme;

public static class ThemeEndpoints
{
    /// <summary>The theme switch is a plain form post, so it works before (and without) the live connection.</summary>
    public static IEndpointRouteBuilder MapPortalThemeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/preferences/theme", (HttpContext context, [FromForm] string? returnUrl) =>
        {
            var dark = !ThemePreference.IsDark(context.Request);
            context.Response.Cookies.Append(ThemePreference.CookieName, dark ? "dark" : "light", PortalCookies.LongLived(context.Request));
            return TypedResults.LocalRedirect(LocalUrl.OrFallback(LocalUrl.WithoutSecrets(returnUrl), "~/"));
        });
        return endpoints;
    }
}
