using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PortalApp.Data;

namespace PortalApp.Features.Account;

/// <summary>
/// Password sign-in that costs the same for unknown addresses as for real ones (Identity returns early when the
/// user doesn't exist, which lets response times reveal which accounts exist).
/// </summary>
internal sealed class SignInService(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
    SecurityEvents events,
    AccountEmails emails,
    PortalDbContext db,
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

        var result = await PasswordSignInCountingFailuresAsync(user, password, rememberMe);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in.", user.Id);
            await events.RecordAsync(user.Id, SecurityEventKind.SignedIn);
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

        if (result.IsNotAllowed)
        {
            // Identity refuses an unconfirmed account before checking the password: spend the same hashing work.
            _ = userManager.PasswordHasher.HashPassword(NobodyUser, password);
        }

        logger.LogInformation("Sign-in failed for user {UserId}.", user.Id);
        if (!result.IsNotAllowed)
        {
            await events.RecordAsync(user.Id, SecurityEventKind.SignInFailed);
        }

        return SignInOutcome.Failed;
    }

    /// <summary>
    /// Concurrent wrong passwords for one account race on its concurrency stamp; the loser's failure would go uncounted
    /// (a way around lockout) and its exception would be a 500. Re-read the account and try again instead.
    /// </summary>
    private async Task<Microsoft.AspNetCore.Identity.SignInResult> PasswordSignInCountingFailuresAsync(PortalUser user, string password, bool rememberMe)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                await db.Entry(user).ReloadAsync();
            }
        }
    }

    /// <summary>The customer who passed the password step and now owes a second factor, or null.</summary>
    public Task<PortalUser?> GetTwoFactorUserAsync() => signInManager.GetTwoFactorAuthenticationUserAsync();

    public async Task<SignInOutcome> AuthenticatorSignInAsync(PortalUser user, string code, bool rememberMe, bool rememberBrowser)
    {
        var normalized = TimeProviderAuthenticatorTokenProvider.Normalize(code);
        var result = normalized is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.TwoFactorAuthenticatorSignInAsync(normalized, rememberMe, rememberBrowser);
        return await SecondFactorOutcomeAsync(user, result, SecurityEventKind.SignedIn);
    }

    public async Task<SignInOutcome> RecoveryCodeSignInAsync(PortalUser user, string recoveryCode)
    {
        var code = recoveryCode.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
        var outcome = await SecondFactorOutcomeAsync(user, result, SecurityEventKind.SignedInWithRecoveryCode);
        if (outcome == SignInOutcome.Succeeded)
        {
            await emails.SendSecurityNoticeIfWantedAsync(user, SecurityNotice.SignedInWithRecoveryCode);
        }

        return outcome;
    }

    private async Task<SignInOutcome> SecondFactorOutcomeAsync(PortalUser user, Microsoft.AspNetCore.Identity.SignInResult result, SecurityEventKind kind)
    {
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in with a second factor ({Kind}).", user.Id, kind);
            await events.RecordAsync(user.Id, kind);
            return SignInOutcome.Succeeded;
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out.", user.Id);
            return SignInOutcome.LockedOut;
        }

        logger.LogInformation("Wrong second factor for user {UserId}.", user.Id);
        return SignInOutcome.Failed;
    }
}
