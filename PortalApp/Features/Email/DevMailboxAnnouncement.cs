using Microsoft.Extensions.Options;
using PortalApp.Platform.Hosting;

namespace PortalApp.Features.Email;

/// <summary>In Development, says at start where the mailbox is, next to the addresses the portal listens on.</summary>
internal sealed class DevMailboxAnnouncement(
    IHostApplicationLifetime lifetime,
    PublicUrls urls,
    IOptions<EmailOptions> options,
    ILogger<DevMailboxAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
            logger.LogInformation("Development mailbox: {Url}dev/mailbox ({Transport} transport)", urls.BaseUri, options.Value.Transport));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
