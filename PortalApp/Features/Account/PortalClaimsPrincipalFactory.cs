using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PortalApp.Data;

namespace PortalApp.Features.Account;

/// <summary>Adds the customer's full name to the sign-in cookie so pages can greet them without a database read.</summary>
internal sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    public const string FullNameClaim = "portal:full_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.FullName))
        {
            identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        }

        return identity;
    }
}

public static class PortalClaims
{
    public static string DisplayName(this ClaimsPrincipal user)
        => user.FindFirstValue(PortalClaimsPrincipalFactory.FullNameClaim) ?? user.Identity?.Name ?? "";
}
