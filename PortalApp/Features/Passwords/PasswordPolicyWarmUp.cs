namespace PortalApp.Features.Passwords;

/// <summary>Loads the list and zxcvbn's dictionaries in the background at start, so the first customer doesn't wait.</summary>
internal sealed class PasswordPolicyWarmUp(PasswordPolicy policy) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(policy.WarmUp, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
