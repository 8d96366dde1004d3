using PortalApp.Platform.RateLimiting;

namespace PortalApp.Platform.Security;

public static class PortalSecurity
{
    /// <summary>Rate limits, the cookie policy and log redaction; the headers are added by <c>UsePortalPipeline</c>.</summary>
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder) =>
        builder.AddPortalRateLimiting().AddPortalSecurityCookies().AddPortalLogRedaction();
}
