using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Platform.Retention;

namespace PortalApp.Features.Account;

/// <summary>Deletes entries of customers' security activity older than <c>Account:SecurityEventRetentionPeriod</c>.</summary>
public sealed class SecurityEventRetention(IDbContextFactory<PortalDbContext> contexts, IOptions<AccountOptions> options, TimeProvider time) : IRetentionPurge
{
    public string What => "security activity events";

    public TimeSpan Period => options.Value.SecurityEventRetentionPeriod;

    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - Period;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RetentionSweeps.DeleteInBatchesAsync(db.SecurityEvents.Where(e => e.OccurredAt < cutoff).OrderBy(e => e.Id), cancellationToken);
    }
}
