using Microsoft.Extensions.Options;

namespace PortalApp.Features.Staff;

/// <summary>Runs <see cref="ResetActivityRetention"/> every <see cref="StaffDashboardOptions.RetentionSweepInterval"/>.</summary>
internal sealed class ResetActivityRetentionService(
    ResetActivityRetention retention,
    IOptions<StaffDashboardOptions> options,
    TimeProvider time,
    ILogger<ResetActivityRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionSweepInterval, time);
        do
        {
            try
            {
                var (events, requests) = await retention.PurgeAsync(stoppingToken);
                if (events + requests > 0)
                {
                    logger.LogInformation("Retention purged {Events} reset activity events and {Requests} finished reset requests older than {Period}.", events, requests, options.Value.RetentionPeriod);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reset activity retention failed; it will try again in {Interval}.", options.Value.RetentionSweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
