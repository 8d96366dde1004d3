using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Features.Email;

namespace PortalApp.Features.PasswordReset;

/// <summary>
/// Turns recorded requests into outcomes off the request path: unknown account, throttled, or a token plus a queued
/// email (committed together with the request's new state). Also retires links that ran out unused.
/// </summary>
/// <remarks>
/// A background service, never in a circuit: each request is handled in a DI scope of its own, whose DbContext it shares
/// with UserManager and the outbox. The expiry sweep needs neither and takes a DbContext from the factory.
/// </remarks>
internal sealed class ResetRequestProcessor(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<PortalDbContext> contexts,
    ResetRequestSignal signal,
    IOptions<PasswordResetOptions> options,
    TimeProvider time,
    ILogger<ResetRequestProcessor> logger) : BackgroundService
{
    private const int BatchSize = 50;

    // One batch at a time per instance; several instances would need a row claim (DESIGN.md, "Scale beyond one machine").
    private readonly SemaphoreSlim gate = new(1, 1);

    private DateTimeOffset lastExpirySweep = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await ProcessPendingAsync(stoppingToken);

                // The sweep only moves lapsed links to Expired for the dashboard (a lapsed link is refused on its own
                // ExpiresAt): once per poll interval is enough, not once per wake-up, which under load is every request.
                var now = time.GetUtcNow();
                if (now - lastExpirySweep >= options.Value.PollInterval)
                {
                    lastExpirySweep = now;
                    await ExpireUnusedLinksAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Processing reset requests failed; will try again.");
            }

            if (handled < BatchSize)
            {
                await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }

    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await ProcessBatchAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.ResetRequests
            .Where(r => r.Status == ResetRequestStatus.Requested)
            .OrderBy(r => r.CreatedAt)
            .Take(BatchSize)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);

        foreach (var id in pending)
        {
            for (var attempt = 1; ; attempt++)
            {
                // One scope per request: a failure in one leaves the others untouched.
                await using var requestScope = scopeFactory.CreateAsyncScope();
                try
                {
                    await ProcessOneAsync(requestScope.ServiceProvider, id, cancellationToken);
                    break;
                }
                catch (DbUpdateConcurrencyException) when (attempt < 3)
                {
                    // Issuing retires the customer's earlier links; one of them changed meanwhile (its email was just
                    // sent). Nothing was saved: start this request over from fresh state.
                }
            }
        }

        return pending.Count;
    }

    private async Task ProcessOneAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var outbox = services.GetRequiredService<IEmailOutbox>();
        var emails = services.GetRequiredService<ResetEmails>();
        var request = await db.ResetRequests.FirstAsync(r => r.Id == id, cancellationToken);
        if (request.Status != ResetRequestStatus.Requested)
        {
            return;
        }

        var now = time.GetUtcNow();

        var user = await services.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(request.Email);
        if (user is not null)
        {
            request.UserId = user.Id;
        }

        var throttledBy = await ThrottledByAsync(db, request, user, now, cancellationToken);
        if (throttledBy is not null)
        {
            db.ResetActivityEvents.Add(request.Record(ResetActivityType.Throttled, now, throttledBy));
            logger.LogInformation("Reset request {RequestId} throttled ({Reason}).", request.Id, throttledBy);
        }
        else if (user is null)
        {
            db.ResetActivityEvents.Add(request.Record(ResetActivityType.UnknownAccount, now));
            if (options.Value.NotifyUnknownAddresses)
            {
                outbox.Add(db, await emails.NoAccountAsync(request.Email, request.Id));
            }
        }
        else
        {
            var token = await services.GetRequiredService<ResetLinks>().IssueAsync(db, request, user, cancellationToken);
            outbox.Add(db, await emails.ResetAsync(user, request, token));
            db.ResetActivityEvents.Add(request.Record(ResetActivityType.EmailQueued, now));
            logger.LogInformation("Reset link issued for request {RequestId}; email queued.", request.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.Notify();
    }

    /// <summary>Which limit the request is over ("ip limit", "account limit"), or null.</summary>
    private async Task<string?> ThrottledByAsync(PortalDbContext db, ResetRequest request, PortalUser? user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var ipSince = now - settings.IpWindow;
        var ipRequests = request.ClientKey is null ? 0 : await db.ResetRequests.CountAsync(
            r => r.ClientKey == request.ClientKey && r.CreatedAt >= ipSince && r.CreatedAt <= request.CreatedAt && r.Id != request.Id, cancellationToken);
        if (ipRequests >= settings.MaxRequestsPerIp)
        {
            return "ip limit";
        }

        var accountSince = now - settings.AccountWindow;
        var accountLinks = user is null ? 0 : await db.ResetRequests.CountAsync(
            r => r.UserId == user.Id && r.IssuedAt != null && r.IssuedAt >= accountSince, cancellationToken);
        return accountLinks >= settings.MaxLinksPerAccount ? "account limit" : null;
    }

    /// <summary>Marks links that ran out unused as expired (a lapsed link is refused on its own ExpiresAt; this is for the dashboard).</summary>
    public Task<int> ExpireUnusedLinksAsync(CancellationToken cancellationToken)
    {
        var expiring = ResetLifecycle.MovesFrom(ResetActivityType.LinkExpired);
        return ResetRequestUpdates.SaveAsync(contexts, async db =>
        {
            var now = time.GetUtcNow();
            var expired = await db.ResetRequests
                .Where(r => r.ExpiresAt != null && r.ExpiresAt <= now && r.ConsumedAt == null && expiring.Contains(r.Status))
                .OrderBy(r => r.ExpiresAt)
                .Take(500)
                .ToListAsync(cancellationToken);
            foreach (var request in expired)
            {
                db.ResetActivityEvents.Add(request.Record(ResetActivityType.LinkExpired, now));
            }

            return expired.Count;
        }, cancellationToken);
    }
}
