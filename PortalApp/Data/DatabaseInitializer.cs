using Microsoft.EntityFrameworkCore;

namespace PortalApp.Data;

/// <summary>Applies migrations and turns on write-ahead logging so readers never block the writer.</summary>
internal sealed class DatabaseInitializer(PortalDbContext db, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        logger.LogInformation("Database is up to date ({Provider}).", db.Database.ProviderName);
    }
}
