using Microsoft.EntityFrameworkCore;
using PortalApp.Data;
using PortalApp.Platform.Hosting;

namespace PortalApp.Features.Account;

/// <summary>
/// At start: authenticator keys and recovery codes that Identity's own store kept in plain text (before
/// <see cref="PortalUserStore"/>) are rewritten in their protected form, so no readable copy stays in the database.
/// The codes and keys keep working; only how they are stored changes.
/// </summary>
internal sealed class PlainTextMfaSecretsConversion(PortalDbContext db, PortalUserStore store, ILogger<PlainTextMfaSecretsConversion> logger) : IPortalSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var userIds = await db.UserTokens
            .Where(t => t.LoginProvider == PortalUserStore.InternalLoginProvider
                && ((t.Name == PortalUserStore.AuthenticatorKeyTokenName && !t.Value!.StartsWith(PortalUserStore.ProtectedKeyPrefix))
                    || (t.Name == PortalUserStore.RecoveryCodesTokenName && !t.Value!.StartsWith(RecoveryCodeHashes.Prefix))))
            .Select(t => t.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var userId in userIds)
        {
            if (await store.FindByIdAsync(userId, cancellationToken) is { } user)
            {
                await store.ProtectPlainTextSecretsAsync(user, cancellationToken);
            }
        }

        if (userIds.Count > 0)
        {
            logger.LogWarning("Authenticator keys and recovery codes of {Count} accounts were stored in plain text; they are now encrypted and hashed.", userIds.Count);
        }
    }
}
