using Microsoft.EntityFrameworkCore;
using PortalApp.Data;

namespace PortalApp.Features.PasswordReset;

/// <summary>Changes one reset request in a unit of work of its own, safe against another writer moving it meanwhile.</summary>
internal static class ResetRequestUpdates
{
    private const int Attempts = 3;

    /// <summary>
    /// Loads the request, lets <paramref name="change"/> record on it (and add what commits with it), and saves. If
    /// another writer moved the request's status in between, the save is refused (the status is a concurrency token)
    /// and the change is made again on a fresh read, so the lifecycle decides from where the request really is.
    /// </summary>
    /// <returns>False when there is no such request.</returns>
    public static async Task<bool> ApplyAsync(
        IDbContextFactory<PortalDbContext> contexts, Guid requestId, Action<PortalDbContext, ResetRequest> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var request = await db.ResetRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
            if (request is null)
            {
                return false;
            }

            change(db, request);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
            }
        }
    }
}
