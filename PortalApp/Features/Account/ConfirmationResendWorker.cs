using Microsoft.AspNetCore.Identity;
using PortalApp.Data;

namespace PortalApp.Features.Account;

internal sealed class ConfirmationResendWorker(
    ConfirmationResendQueue queue,
    IServiceScopeFactory scopeFactory,
    ILogger<ConfirmationResendWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var email in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopeFactory.CreateAsyncScope();
                    var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
                    if (user is not null && !user.EmailConfirmed)
                    {
                        await scope.ServiceProvider.GetRequiredService<AccountEmails>().SendEmailConfirmationAsync(user, stoppingToken);
                        logger.LogInformation("Confirmation email re-sent to user {UserId}.", user.Id);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Could not re-send a confirmation email.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
