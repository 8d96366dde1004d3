using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Retention;

namespace PortalApp.Features.Staff;

/// <summary>Deletes activity events, and requests that can no longer change, older than the retention period.</summary>
public sealed class ResetActivityRetention(IDbContextFactory<PortalDbContext> contexts, IOptions<StaffDashboardOptions> options, TimeProvider time) : IRetentionPurge
{
    private static readonly ResetRequestStatus[] FinalStatuses =
    [
        ResetRequestStatus.Completed, ResetRequestStatus.UnknownAccount, ResetRequestStatus.Throttled, ResetRequestStatus.Expired, ResetRequestStatus.EmailFailed,
        ResetRequestStatus.Replaced,
    ];

    public string What => "reset activity events and finished reset requests";

    public TimeSpan Period => options.Value.RetentionPeriod;

    public TimeSpan Interval => options.Value.RetentionSweepInterval;

    public async Task<(int Events, int Requests)> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - Period;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = await RetentionSweeps.DeleteInBatchesAsync(db.ResetActivityEvents.Where(e => e.OccurredAt < cutoff).OrderBy(e => e.Id), cancellationToken);

        // A request is finished when its status is final or its link has run out (ExpiresAt is before the cutoff).
        var requests = await RetentionSweeps.DeleteInBatchesAsync(
            db.ResetRequests.Where(r => r.CreatedAt < cutoff && (FinalStatuses.Contains(r.Status) || (r.ExpiresAt != null && r.ExpiresAt < cutoff))).OrderBy(r => r.CreatedAt),
            cancellationToken);
        return (events, requests);
    }

    async Task<int> IRetentionPurge.PurgeAsync(CancellationToken cancellationToken)
    {
        var (events, requests) = await PurgeAsync(cancellationToken);
        return events + requests;
    }
}
