using Microsoft.AspNetCore.Identity;
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
        await throttle.RecordFailureAsync(user, fromKnownDevice: devices.IsKnown(user));
        await events.RecordAsync(user.Id, SecurityEventKind.SignInFailed);
        return SignInOutcome.Failed;
    }

    /// <summary>The customer who passed the password step and now owes a second factor, or null.</summary>
    public Task<PortalUser?> GetTwoFactorUserAsync() => signInManager.GetTwoFactorAuthenticationUserAsync();

    public async Task<SignInOutcome> AuthenticatorSignInAsync(PortalUser user, string code, bool rememberMe, bool rememberBrowser)
    {
        var before = await throttle.StoredFailuresAsync(user);
        var normalized = TimeProviderAuthenticatorTokenProvider.Normalize(code);
        var result = normalized is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.TwoFactorAuthenticatorSignInAsync(normalized, rememberMe, rememberBrowser);
        return await SecondFactorOutcomeAsync(user, before, result, SecurityEventKind.SignedIn);
    }

    public async Task<SignInOutcome> RecoveryCodeSignInAsync(PortalUser user, string recoveryCode)
    {
        // Identity checks no lockout for recovery codes and counts no failure: both are ours to do.
        if (throttle.IsWaiting(user) && !devices.IsKnown(user))
        {
            return SignInOutcome.LockedOut;
        }

        var before = await throttle.StoredFailuresAsync(user);
        var code = recoveryCode.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
        var outcome = await SecondFactorOutcomeAsync(user, before, result, SecurityEventKind.SignedInWithRecoveryCode);
        if (outcome == SignInOutcome.Succeeded)
        {
            await emails.SendSecurityNoticeIfWantedAsync(user, SecurityNotice.SignedInWithRecoveryCode);
        }

        return outcome;
    }

    /// <summary>
    /// Identity counts a wrong authenticator code itself, unless it lost a race on the account's concurrency stamp;
    /// whether it did is read from the stored count, not assumed. "Locked out" without a count means the code was
    /// never checked (the account waits); with one, it was a wrong code from a browser exempt from the wait.
    /// </summary>
    private async Task<SignInOutcome> SecondFactorOutcomeAsync(PortalUser user, int failuresBefore, Microsoft.AspNetCore.Identity.SignInResult result, SecurityEventKind kind)
    {
        if (result.Succeeded)
        {
            await SignedInAsync(user, kind);
            return SignInOutcome.Succeeded;
        }

        var counted = await throttle.StoredFailuresAsync(user) > failuresBefore;
        if (result.IsLockedOut && !counted)
        {
            logger.LogWarning("User {UserId} must wait before the next second-factor attempt.", user.Id);
            return SignInOutcome.LockedOut;
        }

        logger.LogInformation("Wrong second factor for user {UserId}.", user.Id);
        await throttle.RecordFailureAsync(user, fromKnownDevice: devices.IsKnown(user), alreadyCounted: counted);
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
