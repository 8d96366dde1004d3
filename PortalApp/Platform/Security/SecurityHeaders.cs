using System.Security.Cryptography;

namespace PortalApp.Platform.Security;

/// <summary>
/// Headers on every response. The policy is what Blazor Server and MudBlazor need, checked in Chromium: scripts only
/// from this origin plus the framework's inline import map (by nonce); inline styles, which MudBlazor writes on
/// elements and in its theme &lt;style&gt; block; the circuit's WebSocket; data: images and fonts.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "portal.csp-nonce";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /// <summary>The per-response nonce for inline scripts the framework renders (the import map).</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            // base64url: no "+" or "/", which Razor would HTML-encode in the attribute (the browser decodes it, but the markup then differs from the header).
            nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "frame-src 'self'; " +
        "frame-ancestors 'none'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'";

    /// <summary>Sets the headers when the response starts, so error pages and 404s carry them too.</summary>
    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Forgot and reset pages carry an address or a token in their URL: never let it leak through the Referer header.
        var referrerPolicy = context.Request.Path.StartsWithSegments("/Account/ResetPassword", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/Account/ForgotPassword", StringComparison.OrdinalIgnoreCase)
            ? "no-referrer"
            : "strict-origin-when-cross-origin";
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(Nonce(context));
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Referrer-Policy"] = referrerPolicy;

            return Task.CompletedTask;
        });
        return next(context);
    });
}
