using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortalApp.Data;

namespace PortalApp.Features.PasswordReset;

/// <summary>
/// The token lifecycle: issue (hash, expiry, security stamp; retiring the customer's earlier unused links), check
/// without consuming (opening a link must not use it up, since mail scanners open links first), and consume
/// atomically so two tabs cannot both succeed.
/// </summary>
/// <remarks>
/// Each call uses a DbContext of its own from the factory: the reset page calls this from its circuit, and every check
/// must read fresh state. Reads users straight from the database: it is part of Identity's token provider, which
/// UserManager itself constructs.
/// </remarks>
public sealed class ResetLinks(IDbContextFactory<PortalDbContext> contexts, TimeProvider time, IOptions<PasswordResetOptions> options)
{
    /// <summary>
    /// Puts a fresh token on <paramref name="request"/> and retires the customer's earlier unused links, all on
    /// <paramref name="db"/> and not saved: the caller's one save issues the new link and retires the old ones
    /// together, so there is never a moment when two of them work. Returns the token; the caller sends it and forgets it.
    /// </summary>
    public async Task<ResetToken> IssueAsync(PortalDbContext db, ResetRequest request, PortalUser user, CancellationToken cancellationToken = default)
    {
        var token = ResetToken.Create(request.Id);
        var now = time.GetUtcNow();
        var retiring = ResetLifecycle.MovesFrom(ResetActivityType.LinkReplaced);
        var earlier = await db.ResetRequests
            .Where(r => r.UserId == user.Id && r.Id != request.Id && r.ConsumedAt == null && r.ExpiresAt > now && retiring.Contains(r.Status))
            .ToListAsync(cancellationToken);
        foreach (var replaced in earlier)
        {
            db.ResetActivityEvents.Add(replaced.Record(ResetActivityType.LinkReplaced, now, "a newer link was issued"));
        }

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

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ResetRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == token.Value.RequestId, cancellationToken);
        if (request is null || !token.Value.Matches(request.TokenHash))
        {
            return new ResetLinkCheck(ResetLinkState.Invalid, null, null);
        }

        var user = request.UserId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
        if (user is null || request.ConsumedAt is not null || request.Status == ResetRequestStatus.Replaced)
        {
            return new ResetLinkCheck(ResetLinkState.Invalid, request, user);
        }

        if (time.GetUtcNow() >= request.ExpiresAt)
        {
            return new ResetLinkCheck(ResetLinkState.Expired, request, user);
        }

        // Two links issued at the same moment (two instances, or the processor and an operator) cannot each have
        // retired the other when they were issued: whichever was issued last is the one that works.
        if (await db.ResetRequests.AnyAsync(r => r.UserId == request.UserId && r.Id != request.Id && r.TokenHash != null && r.IssuedAt > request.IssuedAt, cancellationToken))
        {
            return new ResetLinkCheck(ResetLinkState.Invalid, request, user);
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
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.ResetRequests
            .Where(r => r.Id == check.Request.Id && r.ConsumedAt == null && r.Status != ResetRequestStatus.Replaced)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConsumedAt, now), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Gives a consumed token back when the reset it was consumed for did not happen.</summary>
    public async Task ReleaseAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ResetRequests.Where(r => r.Id == requestId && r.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConsumedAt, (DateTimeOffset?)null), cancellationToken);
    }
}
