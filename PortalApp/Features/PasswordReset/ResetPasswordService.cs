using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PortalApp.Data;
using PortalApp.Features.Email;
using PortalApp.Features.Passwords;
using PortalApp.Platform.Clients;
using PortalApp.Platform.Input;
using PortalApp.Platform.RateLimiting;
using PortalApp.Platform.Security;

namespace PortalApp.Features.PasswordReset;

/// <summary>
/// The reset page's work. The page lives in a long-lived circuit and every check must read fresh state (a link used
/// in another tab a second ago is used), so the page reaches this service through <c>ScopedOperation</c> (a DI scope,
/// and with it a fresh <c>UserManager</c>, per call) and each unit of work takes its own DbContext from the factory.
/// </summary>
internal sealed class ResetPasswordService(
    UserManager<PortalUser> users,
    IEmailOutbox outbox,
    ResetEmails emails,
    IDbContextFactory<PortalDbContext> contexts,
    ResetLinks links,
    TimeProvider time,
    AccountRateLimiter limiter,
    ILogger<ResetPasswordService> logger)
{
    /// <summary>The detail of the one row that stands for a client's unrecorded links in a window.</summary>
    public const string UnmatchedLinksThrottled = "throttled: further links matching no request from this client are not recorded for a while";

    /// <summary>Checks a link without consuming it and records that it was opened.</summary>
    public async Task<ResetLinkView> OpenAsync(string? token, ClientInfo client, CancellationToken cancellationToken = default)
    {
        var check = await links.CheckAsync(token, cancellationToken);
        var type = check.State switch
        {
            ResetLinkState.Valid => ResetActivityType.LinkOpened,
            ResetLinkState.Expired => ResetActivityType.ExpiredLinkUsed,
            _ => ResetActivityType.InvalidLink,
        };
        await RecordAsync(check.Request, type, client, check.State == ResetLinkState.Valid ? null : "opened", cancellationToken);
        var email = check.User?.Email ?? check.Request?.Email;
        return new ResetLinkView(check.State, email, Mask(email), check.User?.FullName);
    }

    public async Task<ResetResult> CompleteAsync(string? token, string newPassword, ClientInfo client, CancellationToken cancellationToken = default)
    {
        // Submits come over the circuit, so the HTTP rate limiter never sees them; limited before the link is even looked up.
        if (!limiter.TryAcquire(AccountAction.ResetPassword, client))
        {
            logger.LogWarning("Reset submit rate limit reached for a client.");
            return new ResetResult(ResetOutcome.TooManyAttempts, [AccountRateLimiting.TooManyAttemptsMessage], null);
        }

        if (!UnicodeText.IsWellFormed(newPassword))
        {
            return new ResetResult(ResetOutcome.RejectedByPolicy, ["The password contains characters that can't be used."], null);
        }

        var check = await links.CheckAsync(token, cancellationToken);
        var email = check.User?.Email ?? check.Request?.Email;
        if (check.State != ResetLinkState.Valid)
        {
            var expired = check.State == ResetLinkState.Expired;
            await RecordAsync(check.Request, expired ? ResetActivityType.ExpiredLinkUsed : ResetActivityType.InvalidLink, client, "submitted", cancellationToken);
            return ResetResult.Of(expired ? ResetOutcome.Expired : ResetOutcome.Invalid, email);
        }

        var user = await users.FindByIdAsync(check.User!.Id);
        var request = check.Request!;
        if (user is null)
        {
            return ResetResult.Of(ResetOutcome.Invalid, email);
        }

        // Check the policy before touching the link, so a weak password doesn't use it up.
        var errors = await users.ValidateNewPasswordAsync(user, newPassword);
        if (errors.Count > 0)
        {
            return await RejectedAsync(request, errors, client, email, cancellationToken);
        }

        var reset = await users.ResetPasswordAsync(user, token!, newPassword);
        if (!reset.Succeeded)
        {
            if (reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                // Lost the race with another tab (or the link changed state since the check).
                await RecordAsync(request, ResetActivityType.InvalidLink, client, "already used", cancellationToken);
                return ResetResult.Of(ResetOutcome.Invalid, email);
            }

            await links.ReleaseAsync(request.Id, cancellationToken);
            return await RejectedAsync(request, [.. reset.Errors], client, email, cancellationToken);
        }

        await RecordCompletedAsync(user, request.Id, client, cancellationToken);
        return ResetResult.Of(ResetOutcome.Completed, email);
    }

    /// <summary>Shows enough of an address to recognise it, not enough to harvest it: a••••@example.com.</summary>
    public static string? Mask(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }

        var at = email.LastIndexOf('@');
        if (at <= 0)
        {
            return "••••";
        }

        var first = char.IsSurrogate(email[0]) && at > 1 ? email[..2] : email[..1];
        return first + "••••" + email[at..];
    }

    private async Task<ResetResult> RejectedAsync(ResetRequest request, IReadOnlyList<IdentityError> errors, ClientInfo client, string? email, CancellationToken cancellationToken)
    {
        var unmet = string.Join(",", errors.Select(e => e.Code).Distinct());
        await RecordAsync(request, ResetActivityType.RejectedByPolicy, client, unmet, cancellationToken);
        return new ResetResult(ResetOutcome.RejectedByPolicy, errors.Select(e => e.Description).Distinct().ToList(), email);
    }

    /// <summary>The password is changed (and with it the security stamp: every other link, cookie and circuit of this customer is now stale).</summary>
    private async Task RecordCompletedAsync(PortalUser user, Guid requestId, ClientInfo client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);

        var notice = await emails.PasswordChangedAsync(user, now, client.UserAgent, requestId);
        await ResetRequestUpdates.ApplyAsync(contexts, requestId, (db, request) =>
        {
            db.ResetActivityEvents.Add(request.Record(ResetActivityType.Completed, now, by: client));
            outbox.Add(db, notice);
        }, cancellationToken);
        outbox.Notify();
        logger.LogInformation("Password reset completed for user {UserId} (request {RequestId}).", user.Id, requestId);
    }

    /// <summary>Records an attempt with a link on the request it belongs to, or on its own when it matched none.</summary>
    private async Task RecordAsync(ResetRequest? request, ResetActivityType type, ClientInfo client, string? detail, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request is not null)
        {
            await ResetRequestUpdates.ApplyAsync(contexts, request.Id, (db, tracked) => db.ResetActivityEvents.Add(tracked.Record(type, now, detail, client)), cancellationToken);
            return;
        }

        if (UnmatchedLinkEvent(type, now, client, detail) is not { } unmatched)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ResetActivityEvents.Add(unmatched);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Anyone can make up links that match no request, so rows for them are written up to the client's budget, then
    /// one "throttled" row per window, then none: a script cannot fill the table. Attempts on real requests are
    /// always recorded (above).
    /// </summary>
    private ResetActivityEvent? UnmatchedLinkEvent(ResetActivityType type, DateTimeOffset now, ClientInfo client, string? detail)
    {
        var key = AccountRateLimiting.ClientKey(client.IpAddress);
        if (limiter.TryAcquire(AccountAction.UnmatchedResetLink, key))
        {
            return ResetActivityEvent.WithoutRequest(type, now, client, detail);
        }

        if (!limiter.TryAcquireLimitNotice(AccountAction.UnmatchedResetLink, key))
        {
            return null;
        }

        logger.LogWarning("Links matching no reset request: a client reached its limit; its further ones are not recorded for a while.");
        return ResetActivityEvent.WithoutRequest(type, now, client, UnmatchedLinksThrottled);
    }
}
