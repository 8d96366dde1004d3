using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using PortalApp.Platform.Security;

namespace PortalApp.Platform.Clients;

/// <summary>Gives each browser a random, anonymous id in a cookie, so "one vote per browser" works without an account.</summary>
public static class VisitorCookie
{
    public const string Name = "portal.visitor";
    private const string ItemKey = "portal.visitor.id";

    public static string? Read(HttpContext context)
        => context.Items[ItemKey] as string ?? (IsWellFormed(context.Request.Cookies[Name]) ? context.Request.Cookies[Name] : null);

    /// <summary>Runs early in the pipeline, so the cookie is set before any page starts streaming its response.</summary>
    public static IApplicationBuilder UseVisitorCookie(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        Ensure(context);
        return next(context);
    });

    private static void Ensure(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || IsWellFormed(context.Request.Cookies[Name])
            || context.Request.Path.StartsWithSegments("/_blazor") || context.Request.Path.StartsWithSegments("/_framework")
            || context.Request.Path.StartsWithSegments("/_content") || Path.HasExtension(context.Request.Path.Value))
        {
            return;
        }

        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        context.Items[ItemKey] = id;
        context.Response.Cookies.Append(Name, id, PortalCookies.LongLived(context.Request));
    }

    private static bool IsWellFormed(string? id) => id is { Length: 22 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
