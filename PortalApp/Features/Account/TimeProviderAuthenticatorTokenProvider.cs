using Microsoft.AspNetCore.Identity;
using OtpNet;
using PortalApp.Data;

namespace PortalApp.Features.Account;

/// <summary>
/// Authenticator-app (TOTP, RFC 6238: SHA-1, 6 digits, 30-second steps) codes checked against the injected
/// <see cref="TimeProvider"/> instead of the system clock, accepting the previous, current and next step for clock
/// drift. A code's step is remembered so the same code cannot be used twice.
/// </summary>
internal sealed class TimeProviderAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const int CodeLength = 6;
    private static readonly VerificationWindow DriftWindow = new(previous: 1, future: 1);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user)
        => !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // Codes come from the customer's app; the server never sends them.
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = Normalize(token);
        if (string.IsNullOrEmpty(key) || code is null)
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key), totpSize: CodeLength);
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, DriftWindow))
        {
            return false;
        }

        if (user.AuthenticatorLastTimeStep is { } last && step <= last)
        {
            return false;
        }

        user.AuthenticatorLastTimeStep = step;
        var saved = await manager.UpdateAsync(user);
        return saved.Succeeded;
    }

    /// <summary>Digits only, spaces and hyphens allowed in between; anything else is not a code.</summary>
    internal static string? Normalize(string? token)
    {
        var code = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return code.Length == CodeLength && code.All(char.IsAsciiDigit) ? code : null;
    }
}
