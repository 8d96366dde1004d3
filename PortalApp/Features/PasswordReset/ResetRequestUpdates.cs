using Microsoft.EntityFrameworkCore;
using PortalApp.Data;

namespace PortalApp.Features.PasswordReset;

/// <summary>
/// Units of work that move reset requests, safe against another writer moving them meanwhile: a request's status is a
/// concurrency token, so a save based on a status that has changed since it was read is refused, and the work is done
/// again on a fresh read. The lifecycle then decides from where each request really is.
/// </summary>
internal static class ResetRequestUpdates
{
    private const int Attempts = 3;

    /// <summary>Loads one request, lets <paramref name="change"/> record on it (and add what commits with it), and saves.</summary>
    /// <returns>False when there is no such request.</returns>
    public static Task<bool> ApplyAsync(
        IDbContextFactory<PortalDbContext> contexts, Guid requestId, Action<PortalDbContext, ResetRequest> change, CancellationToken cancellationToken) =>
        SaveAsync(contexts, async db =>
        {
            var request = await db.ResetRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
            if (request is not null)
            {
                change(db, request);
            }

            return request is not null;
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> (reads and records) on a DbContext of its own and saves what it changed.</summary>
    public static async Task<T> SaveAsync<T>(IDbContextFactory<PortalDbContext> contexts, Func<PortalDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var result = await work(db);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
            }
        }
    }
}
