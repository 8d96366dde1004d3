using System.Security.Claims;

namespace PortalApp.Platform.Security;

/// <summary>The portal's own claims on the sign-in cookie, read by any page that greets or credits the signed-in person.</summary>
public static class PortalClaims
{
    public const string FullName = "portal:full_name";

    public static string DisplayName(this ClaimsPrincipal user)
        => user.FindFirstValue(FullName) ?? user.Identity?.Name ?? "";
}
