using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PortalApp.Data;

namespace PortalApp.Features.Account;

/// <summary>
/// Identity's sign-in with the portal's waits (<see cref="AccountThrottle"/>, on the app's <see cref="TimeProvider"/>)
/// in place of its lockout, and without holding back a browser the customer signed in with before.
/// </summary>
internal sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    AccountThrottle throttle,
    KnownDevices devices)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    protected override Task<bool> IsLockedOut(PortalUser user) => Task.FromResult(throttle.IsWaiting(user) && !devices.IsKnown(user));
}
