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

/// <summary>What the reset page shows for a link; carries no secret beyond what the page already has.</summary>
public sealed record ResetLinkView(ResetLinkState State, string? Email, string? MaskedEmail, string? FullName);

public enum ResetOutcome
{
    Completed,
    RejectedByPolicy,
    Expired,
    Invalid,
    TooManyAttempts,
}

public sealed record ResetResult(ResetOutcome Outcome, IReadOnlyList<string> Errors, string? Email)
{
    public static ResetResult Of(ResetOutcome outcome, string? email = null) => new(outcome, [], email);
}

/// <summary>
/// The reset page's work. Each call runs in its own DI scope: the page lives in a long-lived circuit, and every
/// check must read fresh state (a link used in another tab a second ago is used).
/// </summary>
public sealed class ResetPasswordService(IServiceScopeFactory scopeFactory, TimeProvider time, AccountRateLimiter limiter, ILogger<ResetPasswordService> logger)
{
    /// <summary>Checks a link without consuming it and records that it was opened.</summary>
    public async Task<ResetLinkView> OpenAsync(string? token, ClientInfo client, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var recorder = services.GetRequiredService<ResetActivityRecorder>();
        var check = await services.GetRequiredService<ResetLinks>().CheckAsync(token, cancellationToken);
        var context = Context(check, client);

        ResetActivityEvent recorded;
        if (check.State == ResetLinkState.Valid)
        {
            var now = time.GetUtcNow();
            await db.ResetRequests
                .Where(r => r.Id == check.Request!.Id && (r.Status == ResetRequestStatus.EmailQueued || r.Status == ResetRequestStatus.EmailSent || r.Status == ResetRequestStatus.Issued))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ResetRequestStatus.LinkOpened).SetProperty(r => r.OpenedAt, now), cancellationToken);
            recorded = recorder.Add(db, ResetActivityType.LinkOpened, context);
        }
        else
        {
            recorded = recorder.Add(db, check.State == ResetLinkState.Expired ? ResetActivityType.ExpiredLinkUsed : ResetActivityType.InvalidLink, context, "opened");
        }

        await recorder.SaveAsync(db, [recorded], cancellationToken);
        return new ResetLinkView(check.State, check.User?.Email ?? check.Request?.Email, Mask(check.User?.Email ?? check.Request?.Email), check.User?.FullName);
    }

    public async Task<ResetResult> CompleteAsync(string? token, string newPassword, ClientInfo client, CancellationToken cancellationToken = default)
    {
        // Submits come over the circuit, so the HTTP rate limiter never sees them; limited before the link is even looked up.
        if (!limiter.TryAcquire(AccountAction.ResetPassword, AccountRateLimiting.ClientKey(client.IpAddress)))
        {
            logger.LogWarning("Reset submit rate limit reached for a client.");
            return new ResetResult(ResetOutcome.TooManyAttempts, [AccountRateLimiting.TooManyAttemptsMessage], null);
        }

        if (!UnicodeText.IsWellFormed(newPassword))
        {
            return new ResetResult(ResetOutcome.RejectedByPolicy, ["The password contains characters that can't be used."], null);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var recorder = services.GetRequiredService<ResetActivityRecorder>();
        var links = services.GetRequiredService<ResetLinks>();

        var check = await links.CheckAsync(token, cancellationToken);
        var context = Context(check, client);
        var email = check.User?.Email ?? check.Request?.Email;
        if (check.State != ResetLinkState.Valid)
        {
            var type = check.State == ResetLinkState.Expired ? ResetActivityType.ExpiredLinkUsed : ResetActivityType.InvalidLink;
            await recorder.SaveAsync(db, [recorder.Add(db, type, context, "submitted")], cancellationToken);
            return ResetResult.Of(check.State == ResetLinkState.Expired ? ResetOutcome.Expired : ResetOutcome.Invalid, email);
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
            var unmet = string.Join(",", errors.Select(e => e.Code).Distinct());
            await recorder.SaveAsync(db, [recorder.Add(db, ResetActivityType.RejectedByPolicy, context, unmet)], cancellationToken);
            return new ResetResult(ResetOutcome.RejectedByPolicy, errors.Select(e => e.Description).Distinct().ToList(), email);
        }

        var reset = await users.ResetPasswordAsync(user, token!, newPassword);
        if (!reset.Succeeded)
        {
            if (reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                // Lost the race with another tab (or the link changed state since the check).
                await recorder.SaveAsync(db, [recorder.Add(db, ResetActivityType.InvalidLink, context, "already used")], cancellationToken);
                return ResetResult.Of(ResetOutcome.Invalid, email);
            }

            await links.ReleaseAsync(request.Id, cancellationToken);
            var unmet = string.Join(",", reset.Errors.Select(e => e.Code).Distinct());
            await recorder.SaveAsync(db, [recorder.Add(db, ResetActivityType.RejectedByPolicy, context, unmet)], cancellationToken);
            return new ResetResult(ResetOutcome.RejectedByPolicy, reset.Errors.Select(e => e.Description).Distinct().ToList(), email);
        }

        // ResetPasswordAsync changed the security stamp: every other link, cookie and circuit of this customer is now stale.
        var now = time.GetUtcNow();
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);

        var tracked = await db.ResetRequests.FirstAsync(r => r.Id == request.Id, cancellationToken);
        tracked.Status = ResetRequestStatus.Completed;
        tracked.CompletedAt = now;
        var emails = services.GetRequiredService<ResetEmails>();
        var outbox = services.GetRequiredService<IEmailOutbox>();
        outbox.Add(db, await emails.PasswordChangedAsync(user, now, client.UserAgent, request.Id));
        var completed = recorder.Add(db, ResetActivityType.Completed, context);
        await recorder.SaveAsync(db, [completed], cancellationToken);
        outbox.Notify();
        logger.LogInformation("Password reset completed for user {UserId} (request {RequestId}).", user.Id, request.Id);
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

    private static ResetActivityContext Context(ResetLinkCheck check, ClientInfo client) =>
        new(check.Request?.Id, check.User?.Id ?? check.Request?.UserId, check.Request?.Email, client.IpAddress, client.UserAgent);
}
