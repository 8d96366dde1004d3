using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PortalApp.Data;

namespace PortalApp.Features.Account;

/// <summary>
/// Password sign-in where an unknown address, an unconfirmed account, a wrong password and an account in a wait
/// (see <see cref="AccountThrottle"/>) all answer the same and cost one password hash each, so neither the answer
/// nor its timing tells which accounts exist or which are being guessed at.
/// </summary>
internal sealed class SignInService(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
    AccountThrottle throttle,
    KnownDevices devices,
    SecurityEvents events,
    AccountEmails emails,
    PortalDbContext db,
    ILogger<SignInService> logger)
{
    public const string FailedMessage = "The email or password is incorrect. After several wrong attempts, sign-in from a new browser waits a few minutes; resetting your password works at any time.";

    private static readonly PortalUser NobodyUser = new() { Id = "00000000-0000-0000-0000-000000000000" };

    public async Task<SignInOutcome> PasswordSignInAsync(string email, string password, bool rememberMe)
    {
        var user = await userManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            SpendOneHash(password);
            logger.LogInformation("Sign-in failed for an unknown address.");
            return SignInOutcome.Failed;
        }

        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await SignedInAsync(user, SecurityEventKind.SignedIn);
            return SignInOutcome.Succeeded;
        }

        if (result.RequiresTwoFactor)
        {
            return SignInOutcome.RequiresTwoFactor;
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity answers both before checking the password: spend the same hashing work as a wrong password.
            SpendOneHash(password);
            logger.LogInformation("Sign-in refused for user {UserId} ({Reason}).", user.Id, result.IsLockedOut ? "waiting after failures" : "not confirmed");
            return SignInOutcome.Failed;
        }

        logger.LogInformation("Sign-in failed for user {UserId}.", user.Id);
        devices.CountFailure(user);
        await throttle.RecordFailureAsync(user);
        await events.RecordAsync(user.Id, SecurityEventKind.SignInFailed);
        return SignInOutcome.Failed;
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
            await SignedInAsync(user, kind);
            return SignInOutcome.Succeeded;
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} must wait before the next second-factor attempt.", user.Id);
            return SignInOutcome.LockedOut;
        }

        // Identity counted the failure in AccessFailedCount (it never locks by itself here); the throttle decides the wait.
        logger.LogInformation("Wrong second factor for user {UserId}.", user.Id);
        await db.Entry(user).ReloadAsync();
        devices.CountFailure(user);
        await throttle.RecordFailureAsync(user, alreadyCounted: true);
        return SignInOutcome.Failed;
    }

    private async Task SignedInAsync(PortalUser user, SecurityEventKind kind)
    {
        logger.LogInformation("User {UserId} signed in ({Kind}).", user.Id, kind);
        devices.Remember(user);
        await throttle.RecordSuccessAsync(user);
        await events.RecordAsync(user.Id, kind);
    }

    private void SpendOneHash(string password) => _ = userManager.PasswordHasher.HashPassword(NobodyUser, password);
}
