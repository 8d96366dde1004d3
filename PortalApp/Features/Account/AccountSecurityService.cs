using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PortalApp.Data;

namespace PortalApp.Features.Account;

/// <summary>Password change, personal data export and account deletion for the signed-in customer.</summary>
internal sealed class AccountSecurityService(
    UserManager<PortalUser> userManager,
    SignInManager<PortalUser> signInManager,
    PortalDbContext db,
    AccountEmails emails,
    AccountProofs proofs,
    SecurityEvents events,
    TimeProvider time,
    ILogger<AccountSecurityService> logger)
{
    private static readonly JsonSerializerOptions ExportJson = new() { WriteIndented = true };

    /// <summary>
    /// Changes the password. The new security stamp signs every other session out; this one gets a fresh cookie,
    /// so call it from a static SSR request (a circuit cannot write cookies).
    /// </summary>
    public async Task<IdentityResult> ChangePasswordAsync(PortalUser user, string currentPassword, string newPassword)
    {
        if (proofs.IsWaiting(user))
        {
            return IdentityResult.Failed(new IdentityError { Code = nameof(ProofCheck.Waiting), Description = AccountProofs.WaitingMessage });
        }

        var result = await userManager.ChangePasswordAsync(user, currentPassword, newPassword);
        var mismatch = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
        if (mismatch || result.Succeeded)
        {
            await proofs.RecordAsync(user, accepted: !mismatch);
        }

        if (!result.Succeeded)
        {
            return result;
        }

        await signInManager.RefreshSignInAsync(user);
        await events.RecordAsync(user.Id, SecurityEventKind.PasswordChanged);
        await emails.SendSecurityNoticeAsync(user, SecurityNotice.PasswordChanged);
        logger.LogInformation("User {UserId} changed their password.", user.Id);
        return result;
    }

    public async Task<byte[]> ExportPersonalDataAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        var profile = typeof(PortalUser).GetProperties()
            .Where(p => Attribute.IsDefined(p, typeof(PersonalDataAttribute)))
            .ToDictionary(p => p.Name, p => p.GetValue(user));
        profile[nameof(PortalUser.CreatedAt)] = user.CreatedAt;
        var activity = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserId == user.Id)
            .OrderByDescending(e => e.OccurredAt)
            .Select(e => new { Kind = e.Kind.ToString(), e.OccurredAt, e.IpAddress, e.UserAgent })
            .ToListAsync(cancellationToken);
        // The authenticator key and recovery codes are credentials, not data about the customer: they stay out of the file.
        var export = new
        {
            ExportedAt = time.GetUtcNow(),
            Profile = profile,
            Roles = await userManager.GetRolesAsync(user),
            TwoFactorAuthentication = new { Enabled = user.TwoFactorEnabled, RecoveryCodesLeft = await userManager.CountRecoveryCodesAsync(user) },
            SecurityActivity = activity,
        };
        logger.LogInformation("User {UserId} downloaded their personal data.", user.Id);
        await emails.SendSecurityNoticeIfWantedAsync(user, SecurityNotice.PersonalDataDownloaded, cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(export, ExportJson);
    }

    /// <summary>Deletes the account when <paramref name="password"/> is right, then signs out.</summary>
    public async Task<ProofCheck> DeleteAccountAsync(PortalUser user, string password)
    {
        var proof = await proofs.PasswordAsync(user, password);
        if (proof != ProofCheck.Accepted)
        {
            return proof;
        }

        var result = await userManager.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not delete account {user.Id}: {string.Join(" ", result.Errors.Select(e => e.Code))}");
        }

        await signInManager.SignOutAsync();
        logger.LogInformation("User {UserId} deleted their account.", user.Id);
        return ProofCheck.Accepted;
    }
}
