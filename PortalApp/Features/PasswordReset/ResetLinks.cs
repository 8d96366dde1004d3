using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortalApp.Data;

namespace PortalApp.Features.PasswordReset;

public enum ResetLinkState
{
    Valid,
    Expired,

    /// <summary>Used, superseded by a later password change, tampered with, or never issued.</summary>
    Invalid,
}

public sealed record ResetLinkCheck(ResetLinkState State, ResetRequest? Request, PortalUser? User);

/// <summary>
/// The token lifecycle: issue (hash, expiry, security stamp), check without consuming (opening a link must not use
/// it up, since mail scanners open links first), and consume atomically so two tabs cannot both succeed.
/// </summary>
/// <remarks>Reads users straight from the DbContext: it is part of Identity's token provider, which UserManager itself constructs.</remarks>
public sealed class ResetLinks(PortalDbContext db, TimeProvider time, IOptions<PasswordResetOptions> options)
{
    /// <summary>Puts a fresh token on <paramref name="request"/> (not saved) and returns it; the caller sends it and forgets it.</summary>
    public ResetToken Issue(ResetRequest request, PortalUser user)
    {
        var token = ResetToken.Create(request.Id);
        var now = time.GetUtcNow();
        request.UserId = user.Id;
        request.TokenHash = token.Hash();
        request.IssuedAt = now;
        request.ExpiresAt = now + options.Value.LinkLifetime;
        request.SecurityStamp = user.SecurityStamp;
        return token;
    }

    public async Task<ResetLinkCheck> CheckAsync(string? value, CancellationToken cancellationToken = default)
    {
        if (!ResetToken.TryParse(value, out var token))
        {
            return new ResetLinkCheck(ResetLinkState.Invalid, null, null);
        }

        var request = await db.ResetRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == token.Value.RequestId, cancellationToken);
        if (request is null || !token.Value.Matches(request.TokenHash))
        {
            return new ResetLinkCheck(ResetLinkState.Invalid, null, null);
        }

        var user = request.UserId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
        if (user is null || request.ConsumedAt is not null)
        {
            return new ResetLinkCheck(ResetLinkState.Invalid, request, user);
        }

        if (time.GetUtcNow() >= request.ExpiresAt)
        {
            return new ResetLinkCheck(ResetLinkState.Expired, request, user);
        }

        // A password change since issue (including another reset) retires every older link.
        if (request.SecurityStamp != user.SecurityStamp)
        {
            return new ResetLinkCheck(ResetLinkState.Invalid, request, user);
        }

        return new ResetLinkCheck(ResetLinkState.Valid, request, user);
    }

    /// <summary>Validates the token for <paramref name="user"/> and marks it consumed in one conditional update: exactly one caller wins.</summary>
    public async Task<bool> TryConsumeAsync(string? value, PortalUser user, CancellationToken cancellationToken = default)
    {
        var check = await CheckAsync(value, cancellationToken);
        if (check.State != ResetLinkState.Valid || check.Request!.UserId != user.Id)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var claimed = await db.ResetRequests
            .Where(r => r.Id == check.Request.Id && r.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConsumedAt, now), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Gives a consumed token back when the reset it was consumed for did not happen.</summary>
    public Task ReleaseAsync(Guid requestId, CancellationToken cancellationToken = default) =>
        db.ResetRequests.Where(r => r.Id == requestId && r.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConsumedAt, (DateTimeOffset?)null), cancellationToken);
}

/// <summary>
/// Identity's password-reset token provider, so <c>UserManager.ResetPasswordAsync</c> validates our links.
/// Validation consumes the link (Identity only validates a reset token when it is about to change the password).
/// </summary>
internal sealed class ResetLinkTokenProvider(ResetLinks links, PortalDbContext db, TimeProvider time, ResetActivityRecorder recorder) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string ProviderName = "PortalResetLink";

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user)
    {
        // Issued outside the forgot form (e.g. by an operator tool): still a tracked, hashed, expiring request.
        var request = new ResetRequest
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            CreatedAt = time.GetUtcNow(),
            Email = ResetRequestIntake.NormalizeEmail(user.Email ?? ""),
            Status = ResetRequestStatus.Issued,
        };
        var token = links.Issue(request, user);
        db.ResetRequests.Add(request);
        var queued = recorder.Add(db, ResetActivityType.Requested, ResetActivityContext.From(request), "issued without the forgot form");
        await recorder.SaveAsync(db, [queued], CancellationToken.None);
        return token.ToString();
    }

    public Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user) =>
        links.TryConsumeAsync(token, user);
}
