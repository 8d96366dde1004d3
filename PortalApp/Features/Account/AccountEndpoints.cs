using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PortalApp.Components;
using PortalApp.Data;
using PortalApp.Platform.Http;

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
            return TypedResults.LocalRedirect(LocalUrl.OrFallback(returnUrl, "~/Account/Login"));
        });

        endpoints.MapPost("/Account/Manage/PersonalData", async (
            HttpContext context,
            [FromServices] UserManager<PortalUser> userManager,
            [FromServices] AccountSecurityService security) =>
        {
            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.Challenge();
            }

            var json = await security.ExportPersonalDataAsync(user, context.RequestAborted);
            return Results.File(json, "application/json", "customer-portal-personal-data.json");
        })
        .RequireAuthorization()
        // No form fields to bind, so the token is asked for explicitly; a bad one gets the shared 400 (UseAntiforgeryRejection).
        .WithMetadata(new RequireAntiforgeryTokenAttribute());

        return endpoints;
    }
}
