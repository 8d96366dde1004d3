using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Platform.Retention;

namespace PortalApp.Features.Email;

/// <summary>Deletes outbox messages that are done (sent, or failed for good) once they are older than <c>Email:Outbox:RetentionPeriod</c>; pending ones stay.</summary>
public sealed class OutboxRetention(IDbContextFactory<PortalDbContext> contexts, IOptions<EmailOptions> options, TimeProvider time) : IRetentionPurge
{
    public string What => "sent and failed outbox messages";

    public TimeSpan Period => options.Value.Outbox.RetentionPeriod;

    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - Period;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RetentionSweeps.DeleteInBatchesAsync(
            db.OutboxMessages.Where(m => m.Status != OutboxStatus.Pending && (m.SentAt ?? m.NextAttemptAt) < cutoff).OrderBy(m => m.CreatedAt),
            cancellationToken);
    }
}
