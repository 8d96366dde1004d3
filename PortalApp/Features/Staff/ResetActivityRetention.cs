using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;

namespace PortalApp.Features.Staff;

/// <summary>Deletes activity events, and requests that can no longer change, older than the retention period.</summary>
public sealed class ResetActivityRetention(IDbContextFactory<PortalDbContext> contexts, IOptions<StaffDashboardOptions> options, TimeProvider time)
{
    private const int BatchSize = 5_000;

    private static readonly ResetRequestStatus[] FinalStatuses =
    [
        ResetRequestStatus.Completed, ResetRequestStatus.UnknownAccount, ResetRequestStatus.Throttled, ResetRequestStatus.Expired, ResetRequestStatus.EmailFailed,
        ResetRequestStatus.Replaced,
    ];

    public async Task<(int Events, int Requests)> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - options.Value.RetentionPeriod;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Small batches keep each write transaction short, so the app never waits long on the purge.
        int events = 0, deleted;
        do
        {
            deleted = await db.ResetActivityEvents.Where(e => e.OccurredAt < cutoff).OrderBy(e => e.Id).Take(BatchSize).ExecuteDeleteAsync(cancellationToken);
            events += deleted;
        }
        while (deleted == BatchSize);

        int requests = 0;
        do
        {
            // A request is finished when its status is final or its link has run out (ExpiresAt is before the cutoff).
            deleted = await db.ResetRequests
                .Where(r => r.CreatedAt < cutoff && (FinalStatuses.Contains(r.Status) || (r.ExpiresAt != null && r.ExpiresAt < cutoff)))
                .OrderBy(r => r.CreatedAt).Take(BatchSize).ExecuteDeleteAsync(cancellationToken);
            requests += deleted;
        }
        while (deleted == BatchSize);

        return (events, requests);
    }
}
