using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PortalApp.Data;

namespace PortalApp.Features.PasswordReset;

/// <summary>
/// Identity's password-reset token provider, so <c>UserManager.ResetPasswordAsync</c> validates our links.
/// Validation consumes the link (Identity only validates a reset token when it is about to change the password).
/// </summary>
internal sealed class ResetLinkTokenProvider(ResetLinks links, IDbContextFactory<PortalDbContext> contexts, TimeProvider time) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string ProviderName = "PortalResetLink";

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user)
    {
        // Issued outside the forgot form (e.g. by an operator tool): still a tracked, hashed, expiring request.
        var now = time.GetUtcNow();
        var request = ResetRequest.IssuedDirectly(now, ResetRequestIntake.NormalizeEmail(user.Email ?? ""));
        await using var db = await contexts.CreateDbContextAsync();
        var token = await links.IssueAsync(db, request, user);
        db.ResetRequests.Add(request);
        db.ResetActivityEvents.Add(request.Record(ResetActivityType.Requested, now, "issued without the forgot form"));
        await db.SaveChangesAsync();
        return token.ToString();
    }

    public Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user) =>
        links.TryConsumeAsync(token, user);
}
