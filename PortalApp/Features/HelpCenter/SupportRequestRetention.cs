using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Platform.Retention;

namespace PortalApp.Features.HelpCenter;

/// <summary>
/// Deletes support requests that are resolved or closed and have not changed for <c>SupportRequests:RetentionPeriod</c>;
/// requests still being worked on stay however old they are.
/// </summary>
public sealed class SupportRequestRetention(IDbContextFactory<PortalDbContext> contexts, IOptions<SupportRequestOptions> options, TimeProvider time) : IRetentionPurge
{
    private static readonly SupportRequestStatus[] Finished = [SupportRequestStatus.Resolved, SupportRequestStatus.Closed];

    public string What => "resolved and closed support requests";

    public TimeSpan Period => options.Value.RetentionPeriod;

    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - Period;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RetentionSweeps.DeleteInBatchesAsync(
            db.SupportRequests.Where(r => Finished.Contains(r.Status) && r.UpdatedAt < cutoff).OrderBy(r => r.Id), cancellationToken);
    }
}
