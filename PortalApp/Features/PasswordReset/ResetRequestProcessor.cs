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
internal sealed class ResetRequestProcessor(
    IServiceScopeFactory scopeFactory,
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
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var pending = await db.ResetRequests
            .Where(r => r.Status == ResetRequestStatus.Requested)
            .OrderBy(r => r.CreatedAt)
            .Take(BatchSize)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);

        foreach (var id in pending)
        {
            // One scope per request: a failure in one leaves the others untouched.
            await using var requestScope = scopeFactory.CreateAsyncScope();
            await ProcessOneAsync(requestScope.ServiceProvider, id, cancellationToken);
        }

        return pending.Count;
    }

    private async Task ProcessOneAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var recorder = services.GetRequiredService<ResetActivityRecorder>();
        var outbox = services.GetRequiredService<IEmailOutbox>();
        var emails = services.GetRequiredService<ResetEmails>();
        var settings = options.Value;
        var request = await db.ResetRequests.FirstAsync(r => r.Id == id, cancellationToken);
        var now = time.GetUtcNow();
        ResetActivityEvent recorded;

        var user = await users.FindByEmailAsync(request.Email);
        if (user is not null)
        {
            request.UserId = user.Id;
        }

        var ipSince = now - settings.IpWindow;
        var ipRequests = request.IpAddress is null ? 0 : await db.ResetRequests.CountAsync(
            r => r.IpAddress == request.IpAddress && r.CreatedAt >= ipSince && r.CreatedAt <= request.CreatedAt && r.Id != request.Id, cancellationToken);
        var accountSince = now - settings.AccountWindow;
        var accountLinks = user is null ? 0 : await db.ResetRequests.CountAsync(
            r => r.UserId == user.Id && r.IssuedAt != null && r.IssuedAt >= accountSince, cancellationToken);

        if (ipRequests >= settings.MaxRequestsPerIp || accountLinks >= settings.MaxLinksPerAccount)
        {
            request.Status = ResetRequestStatus.Throttled;
            var reason = ipRequests >= settings.MaxRequestsPerIp ? "ip limit" : "account limit";
            recorded = recorder.Add(db, ResetActivityType.Throttled, ResetActivityContext.From(request), reason);
            logger.LogInformation("Reset request {RequestId} throttled ({Reason}).", request.Id, reason);
        }
        else if (user is null)
        {
            request.Status = ResetRequestStatus.UnknownAccount;
            recorded = recorder.Add(db, ResetActivityType.UnknownAccount, ResetActivityContext.From(request));
            if (settings.NotifyUnknownAddresses)
            {
                outbox.Add(db, await emails.NoAccountAsync(request.Email, request.Id));
            }
        }
        else
        {
            var token = services.GetRequiredService<ResetLinks>().Issue(request, user);
            outbox.Add(db, await emails.ResetAsync(user, request, token));
            request.Status = ResetRequestStatus.EmailQueued;
            recorded = recorder.Add(db, ResetActivityType.EmailQueued, ResetActivityContext.From(request));
            logger.LogInformation("Reset link issued for request {RequestId}; email queued.", request.Id);
        }

        await recorder.SaveAsync(db, [recorded], cancellationToken);
        outbox.Notify();
    }

    public async Task<int> ExpireUnusedLinksAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var recorder = scope.ServiceProvider.GetRequiredService<ResetActivityRecorder>();
        var now = time.GetUtcNow();
        var expired = await db.ResetRequests
            .Where(r => r.ExpiresAt != null && r.ExpiresAt <= now && r.ConsumedAt == null
                && (r.Status == ResetRequestStatus.EmailQueued || r.Status == ResetRequestStatus.EmailSent || r.Status == ResetRequestStatus.LinkOpened))
            .OrderBy(r => r.ExpiresAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return 0;
        }

        var events = new List<ResetActivityEvent>();
        foreach (var request in expired)
        {
            request.Status = ResetRequestStatus.Expired;
            events.Add(recorder.Add(db, ResetActivityType.LinkExpired, ResetActivityContext.From(request)));
        }

        await recorder.SaveAsync(db, events, cancellationToken);
        return expired.Count;
    }
}

/// <summary>Moves a reset request along when its email is sent or given up on.</summary>
internal sealed class ResetEmailDeliveryObserver(PortalDbContext db, ResetActivityRecorder recorder, TimeProvider time) : IOutboxDeliveryObserver
{
    public async Task OnSentAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = await FindAsync(message, cancellationToken);
        if (request is null)
        {
            return;
        }

        request.EmailSentAt ??= time.GetUtcNow();
        if (request.Status == ResetRequestStatus.EmailQueued)
        {
            request.Status = ResetRequestStatus.EmailSent;
        }

        var sent = recorder.Add(db, ResetActivityType.EmailSent, ResetActivityContext.From(request));
        await recorder.SaveAsync(db, [sent], cancellationToken);
    }

    public async Task OnFailedAsync(OutboxMessage message, bool permanent, CancellationToken cancellationToken)
    {
        if (!permanent)
        {
            return;
        }

        var request = await FindAsync(message, cancellationToken);
        if (request is null)
        {
            return;
        }

        request.Status = ResetRequestStatus.EmailFailed;
        var failed = recorder.Add(db, ResetActivityType.EmailFailed, ResetActivityContext.From(request), "delivery gave up");
        await recorder.SaveAsync(db, [failed], cancellationToken);
    }

    private async Task<ResetRequest?> FindAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind != ResetEmails.ResetKind || !Guid.TryParse(message.CorrelationId, out var id))
        {
            return null;
        }

        return await db.ResetRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }
}
