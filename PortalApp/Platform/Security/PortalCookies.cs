using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PortalApp.Platform.Security;

/// <summary>The portal's cookie policy, in one place: sign-in and antiforgery cookies, and the long-lived preference cookies.</summary>
public static class PortalCookies
{
    /// <summary>A year-long, script-invisible cookie for a preference or the anonymous visitor id.</summary>
    public static CookieOptions LongLived(HttpRequest request) => new()
    {
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = request.IsHttps,
        MaxAge = TimeSpan.FromDays(365),
    };

    public static WebApplicationBuilder AddPortalSecurityCookies(this WebApplicationBuilder builder)
    {
        // Secure everywhere except plain-HTTP Development (where a Secure cookie would never come back).
        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.PostConfigureAll<CookieAuthenticationOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            if (o.Cookie.SameSite == SameSiteMode.None || o.Cookie.SameSite == SameSiteMode.Unspecified)
            {
                o.Cookie.SameSite = SameSiteMode.Lax;
            }
        });
        builder.Services.Configure<AntiforgeryOptions>(o =>
        {
            // Antiforgery refuses to run at all over plain HTTP when set to Always (e.g. behind a TLS-terminating proxy
            // without forwarded headers); SameAsRequest still marks it Secure on every HTTPS response.
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder;
    }
}
