using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PortalApp.Components;
using PortalApp.Data;

namespace PortalApp.Features.Account;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapPortalAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Form posts: minimal APIs validate the antiforgery token of [FromForm] endpoints automatically.
        endpoints.MapPost("/Account/Logout", async (
            [FromServices] SignInManager<PortalUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(SafeLocal(returnUrl, "~/Account/Login"));
        });

        endpoints.MapPost("/Account/Manage/PersonalData", async (
            HttpContext context,
            [FromServices] UserManager<PortalUser> userManager,
            [FromServices] AccountSecurityService security,
            [FromServices] IAntiforgery antiforgery) =>
        {
            // The antiforgery middleware only flags a bad token; endpoints without form binding must check the flag themselves.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.Challenge();
            }

            var json = await security.ExportPersonalDataAsync(user, context.RequestAborted);
            return Results.File(json, "application/json", "customer-portal-personal-data.json");
        }).RequireAuthorization();

        endpoints.MapPost("/preferences/theme", (HttpContext context, [FromForm] string? returnUrl) =>
        {
            var dark = !ThemePreference.IsDark(context.Request);
            context.Response.Cookies.Append(ThemePreference.CookieName, dark ? "dark" : "light", new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
            return TypedResults.LocalRedirect(SafeLocal(returnUrl, "~/"));
        });

        return endpoints;
    }

    /// <summary>Only same-site paths; anything else (absolute, protocol-relative, backslash tricks) goes to the fallback.</summary>
    internal static string SafeLocal(string? url, string fallback)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || url[0] != '/' || url.StartsWith("//", StringComparison.Ordinal)
            || url.StartsWith("/\\", StringComparison.Ordinal) || url.Any(char.IsControl))
        {
            return fallback;
        }

        return "~" + url;
    }
}
