using Microsoft.AspNetCore.Identity;
using PortalApp.Data;

namespace PortalApp.Features.Account;

public enum SignInOutcome
{
    Succeeded,
    RequiresTwoFactor,
    LockedOut,
    Failed,
}

/// <summary>
/// Password sign-in that costs the same for unknown addresses as for real ones (Identity returns early when the
/// user doesn't exist, which lets response times reveal which accounts exist).
/// </summary>
internal sealed class SignInService(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
    ILogger<SignInService> logger)
{
    private static readonly PortalUser NobodyUser = new() { Id = "00000000-0000-0000-0000-000000000000" };

    public async Task<SignInOutcome> PasswordSignInAsync(string email, string password, bool rememberMe)
    {
        var user = await userManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            _ = userManager.PasswordHasher.HashPassword(NobodyUser, password);
            logger.LogInformation("Sign-in failed for an unknown address.");
            return SignInOutcome.Failed;
        }

        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in.", user.Id);
            return SignInOutcome.Succeeded;
        }

        if (result.RequiresTwoFactor)
        {
            return SignInOutcome.RequiresTwoFactor;
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out.", user.Id);
            return SignInOutcome.LockedOut;
        }

        logger.LogInformation("Sign-in failed for user {UserId}.", user.Id);
        return SignInOutcome.Failed;
    }
}
