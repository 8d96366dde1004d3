using Microsoft.AspNetCore.Identity;
using PortalApp.Data;

namespace PortalApp.Features.Account;

/// <summary>
/// The password and codes that account pages ask for before a sensitive change. A wrong one counts toward the same
/// growing waits as a wrong sign-in password (<see cref="AccountThrottle"/>), and while the account waits nothing is
/// checked, so a stolen session cookie cannot be turned into unlimited guesses at the password.
/// </summary>
internal sealed class AccountProofs(UserManager<PortalUser> users, AccountThrottle throttle, ILogger<AccountProofs> logger)
{
    public const string WaitingMessage = "Too many wrong passwords or codes. For your security, wait a few minutes before you try again.";

    /// <summary>The account password.</summary>
    public Task<ProofCheck> PasswordAsync(PortalUser user, string? password)
        => CheckAsync(user, () => PasswordMatchesAsync(user, password));

    /// <summary>The account password, or a current authenticator code when two-factor authentication is on.</summary>
    public Task<ProofCheck> PasswordOrCodeAsync(PortalUser user, string? secret)
        => CheckAsync(user, async () => (user.TwoFactorEnabled && await AuthenticatorCodeMatchesAsync(user, secret)) || await PasswordMatchesAsync(user, secret));

    /// <summary>
    /// The account password and, when two-factor authentication is on, also a current authenticator code or one of
    /// the recovery codes (which is then used up): what changing the sign-in address or the authenticator takes.
    /// </summary>
    public Task<ProofCheck> PasswordAndCodeAsync(PortalUser user, string? password, string? code)
        => CheckAsync(user, async () => await PasswordMatchesAsync(user, password)
            && (!user.TwoFactorEnabled || await AuthenticatorCodeMatchesAsync(user, code) || await RecoveryCodeMatchesAsync(user, code)));

    /// <summary>The message for a refused check (null when accepted); <paramref name="wrong"/> names what was wrong.</summary>
    public static string? Problem(ProofCheck check, string wrong) => check switch
    {
        ProofCheck.Accepted => null,
        ProofCheck.Waiting => WaitingMessage,
        _ => wrong,
    };

    /// <summary>For checks Identity makes itself (a password change): whether to check at all, then what came of it.</summary>
    /// <remarks>No device exemption here: a session's browser always holds the device cookie, so it would only help a session thief.</remarks>
    public bool IsWaiting(PortalUser user) => throttle.IsWaiting(user);

    public async Task RecordAsync(PortalUser user, bool accepted)
    {
        if (accepted)
        {
            await throttle.RecordSuccessAsync(user);
            return;
        }

        logger.LogInformation("Wrong password or code on an account page for user {UserId}.", user.Id);
        await throttle.RecordFailureAsync(user, fromKnownDevice: false);
    }

    private async Task<ProofCheck> CheckAsync(PortalUser user, Func<Task<bool>> verify)
    {
        if (IsWaiting(user))
        {
            return ProofCheck.Waiting;
        }

        var accepted = await verify();
        await RecordAsync(user, accepted);
        return accepted ? ProofCheck.Accepted : ProofCheck.Wrong;
    }

    private async Task<bool> PasswordMatchesAsync(PortalUser user, string? password)
        => !string.IsNullOrEmpty(password) && password.Length <= PortalLimits.PasswordMaxLength && await users.CheckPasswordAsync(user, password);

    private async Task<bool> AuthenticatorCodeMatchesAsync(PortalUser user, string? code)
        => TimeProviderAuthenticatorTokenProvider.Normalize(code ?? "") is { } normalized
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, normalized);

    private async Task<bool> RecoveryCodeMatchesAsync(PortalUser user, string? code)
        => code?.Replace(" ", "", StringComparison.Ordinal).Trim() is { Length: > 0 and <= 64 } recovery
            && (await users.RedeemTwoFactorRecoveryCodeAsync(user, recovery)).Succeeded;
}
