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

        return endpoints;
    }
}
