using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using PortalApp.Data;

namespace PortalApp.Features.Account;

/// <summary>
/// Identity's EF store, except that the two second-factor secrets it keeps in AspNetUserTokens are unreadable at rest:
/// the authenticator key is encrypted with Data Protection, and recovery codes are kept only as keyed hashes
/// (<see cref="RecoveryCodeHashes"/>). Both are bound to the account, so a value copied onto another account's row
/// does not open there.
/// </summary>
internal sealed class PortalUserStore(PortalDbContext context, IDataProtectionProvider dataProtection, IdentityErrorDescriber? describer = null)
    : UserStore<PortalUser, IdentityRole, PortalDbContext>(context, describer)
{
    // Identity's own names for the rows, so the rows of accounts set up before this store are the same rows.
    public const string InternalLoginProvider = "[AspNetUserStore]";
    public const string AuthenticatorKeyTokenName = "AuthenticatorKey";
    public const string RecoveryCodesTokenName = "RecoveryCodes";

    public const string AuthenticatorKeyPurpose = "PortalApp.AuthenticatorKey.v1";
    public const string RecoveryCodesPurpose = "PortalApp.RecoveryCodes.v1";

    /// <summary>Marks an encrypted key; Identity's own store kept the Base32 key as it is.</summary>
    public const string ProtectedKeyPrefix = "dp.v1:";

    public override Task SetAuthenticatorKeyAsync(PortalUser user, string key, CancellationToken cancellationToken)
        => SetTokenAsync(user, InternalLoginProvider, AuthenticatorKeyTokenName, ProtectedKeyPrefix + Protector(AuthenticatorKeyPurpose, user).Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, InternalLoginProvider, AuthenticatorKeyTokenName, cancellationToken);
        return stored is not null && stored.StartsWith(ProtectedKeyPrefix, StringComparison.Ordinal)
            ? Protector(AuthenticatorKeyPurpose, user).Unprotect(stored[ProtectedKeyPrefix.Length..])
            : stored;
    }

    public override Task ReplaceCodesAsync(PortalUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
        => WriteCodesAsync(user, RecoveryCodeHashes.Create(recoveryCodes), cancellationToken);

    /// <summary>
    /// Single use: the code's hash is removed in the account's tracked row, which UserManager saves with the account's
    /// concurrency stamp, so of two redemptions racing for one code only one commits.
    /// </summary>
    public override async Task<bool> RedeemCodeAsync(PortalUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var codes = await ReadCodesAsync(user, cancellationToken);
        if (!codes.TryRedeem(code))
        {
            return false;
        }

        await WriteCodesAsync(user, codes, cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(PortalUser user, CancellationToken cancellationToken)
        => (await ReadCodesAsync(user, cancellationToken)).Count;

    /// <summary>Rewrites, protected, whatever of the account's key and codes Identity's own store left in plain text.</summary>
    public async Task ProtectPlainTextSecretsAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var key = await GetTokenAsync(user, InternalLoginProvider, AuthenticatorKeyTokenName, cancellationToken);
        if (key is not null && !key.StartsWith(ProtectedKeyPrefix, StringComparison.Ordinal))
        {
            await SetAuthenticatorKeyAsync(user, key, cancellationToken);
        }

        var codes = await GetTokenAsync(user, InternalLoginProvider, RecoveryCodesTokenName, cancellationToken);
        if (codes is not null && !RecoveryCodeHashes.IsHashed(codes))
        {
            await WriteCodesAsync(user, RecoveryCodeHashes.Read(codes, Protector(RecoveryCodesPurpose, user)), cancellationToken);
        }

        await SaveChanges(cancellationToken);
    }

    private async Task<RecoveryCodeHashes> ReadCodesAsync(PortalUser user, CancellationToken cancellationToken)
        => RecoveryCodeHashes.Read(await GetTokenAsync(user, InternalLoginProvider, RecoveryCodesTokenName, cancellationToken), Protector(RecoveryCodesPurpose, user));

    private Task WriteCodesAsync(PortalUser user, RecoveryCodeHashes codes, CancellationToken cancellationToken)
        => SetTokenAsync(user, InternalLoginProvider, RecoveryCodesTokenName, codes.Write(Protector(RecoveryCodesPurpose, user)), cancellationToken);

    private IDataProtector Protector(string purpose, PortalUser user) => dataProtection.CreateProtector(purpose, user.Id);
}
