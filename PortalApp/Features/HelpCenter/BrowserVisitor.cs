using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace PortalApp.Features.HelpCenter;

/// <summary>
/// What the first HTTP request told us about this browser (its user agent and anonymous visitor id), kept for the
/// whole circuit: interactive pages have no HttpContext. Filled by <c>BrowserSupportBanner</c> in the layout.
/// </summary>
internal sealed class BrowserVisitor
{
    public string? VisitorId { get; set; }

    public string? UserAgent { get; set; }

    public bool IsUnsupportedBrowser => BrowserSupport.IsUnsupported(UserAgent);
}

internal static class BrowserSupport
{
    public const string ArticleSlug = "which-browsers-and-devices-are-supported-by-the-portal";

    /// <summary>Internet Explorer (MSIE up to 10, Trident for 11) can't run the portal: no WebSockets-era JavaScript.</summary>
    public static bool IsUnsupported(string? userAgent)
        => !string.IsNullOrEmpty(userAgent)
            && (userAgent.Contains("MSIE ", StringComparison.Ordinal) || userAgent.Contains("Trident/", StringComparison.Ordinal));
}

/// <summary>Gives each browser a random, anonymous id in a cookie, so "one vote per browser" works without an account.</summary>
internal static class VisitorCookie
{
    public const string Name = "portal.visitor";
    private const string ItemKey = "portal.visitor.id";

    public static string? Read(HttpContext context)
        => context.Items[ItemKey] as string ?? (IsWellFormed(context.Request.Cookies[Name]) ? context.Request.Cookies[Name] : null);

    public static void Ensure(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || IsWellFormed(context.Request.Cookies[Name])
            || context.Request.Path.StartsWithSegments("/_blazor") || context.Request.Path.StartsWithSegments("/_framework")
            || context.Request.Path.StartsWithSegments("/_content") || Path.HasExtension(context.Request.Path.Value))
        {
            return;
        }

        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        context.Items[ItemKey] = id;
        context.Response.Cookies.Append(Name, id, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        });
    }

    private static bool IsWellFormed(string? id) => id is { Length: 22 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Runs first in the pipeline, so the cookie is set before any page starts streaming its response.</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                Ensure(context);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
