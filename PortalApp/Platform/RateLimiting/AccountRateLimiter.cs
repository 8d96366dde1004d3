using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PortalApp.Platform.RateLimiting;

/// <summary>
/// Per-IP budgets for the account actions that run over a Blazor circuit (register, reset submit). Those never
/// reach the HTTP rate-limiting middleware as requests of their own — the circuit is one long-lived connection —
/// so the services ask this limiter directly. It is checked before any account lookup, so being limited says
/// nothing about whether an address has an account.
/// </summary>
public sealed class AccountRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(AccountAction Action, string Client)> limiter;

    public AccountRateLimiter(IOptions<RateLimitingOptions> options)
    {
        var settings = options.Value;
        limiter = PartitionedRateLimiter.Create<(AccountAction Action, string Client), (AccountAction, string)>(key =>
            AccountRateLimiting.Partition(key, settings.For(key.Action)));
    }

    public bool TryAcquire(AccountAction action, string? clientIp)
    {
        using var lease = limiter.AttemptAcquire((action, clientIp ?? "unknown"));
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
