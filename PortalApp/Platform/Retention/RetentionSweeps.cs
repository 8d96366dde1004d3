using Microsoft.EntityFrameworkCore;

namespace PortalApp.Platform.Retention;

public static class RetentionSweeps
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(6);

    private const int BatchSize = 5_000;

    /// <summary>Registers <typeparamref name="TPurge"/> and the background service that runs it.</summary>
    public static IServiceCollection AddPortalRetention<TPurge>(this IServiceCollection services)
        where TPurge : class, IRetentionPurge
    {
        services.AddSingleton<TPurge>();
        services.AddHostedService<RetentionSweepService<TPurge>>();
        return services;
    }

    /// <summary>
    /// Deletes the rows of <paramref name="expired"/> (ordered, so each batch is the oldest) in batches: small batches
    /// keep each write transaction short, so the app never waits long on a purge.
    /// </summary>
    public static async Task<int> DeleteInBatchesAsync<T>(IOrderedQueryable<T> expired, CancellationToken cancellationToken)
    {
        int total = 0, deleted;
        do
        {
            deleted = await expired.Take(BatchSize).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize);

        return total;
    }
}
