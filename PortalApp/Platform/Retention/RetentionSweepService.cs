namespace PortalApp.Platform.Retention;

/// <summary>Runs one <see cref="IRetentionPurge"/> at start and then every <see cref="IRetentionPurge.Interval"/>.</summary>
internal sealed class RetentionSweepService<TPurge>(TPurge purge, TimeProvider time, ILogger<RetentionSweepService<TPurge>> logger) : BackgroundService
    where TPurge : IRetentionPurge
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(purge.Interval, time);
        do
        {
            try
            {
                var purged = await purge.PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Retention purged {Count} {What} older than {Period}.", purged, purge.What, purge.Period);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Retention of {What} failed; it will try again in {Interval}.", purge.What, purge.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
