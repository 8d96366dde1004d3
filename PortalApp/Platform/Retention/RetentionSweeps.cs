using Microsoft.EntityFrameworkCore;

namespace PortalApp.Platform.Retention;

public static class RetentionSweeps
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(6);

    private const int BatchSize = 5_000;

    /// <summary>The one rule for every retention setting: at least a day (a shorter one would purge what is still in use); null when it holds.</summary>
    public static string? PeriodProblem(string setting, TimeSpan period, int exampleDays)
        => period < TimeSpan.FromDays(1) ? $"{setting} must be at least one day (e.g. {exampleDays}.00:00:00)." : null;

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
