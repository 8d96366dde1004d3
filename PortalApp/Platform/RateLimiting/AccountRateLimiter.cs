using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PortalApp.Platform.Clients;

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
    private readonly PartitionedRateLimiter<(AccountAction Action, string Client)> notices;

    public AccountRateLimiter(IOptions<RateLimitingOptions> options)
    {
        var settings = options.Value;
        limiter = PartitionedRateLimiter.Create<(AccountAction Action, string Client), (AccountAction, string)>(key =>
            AccountRateLimiting.Partition(key, settings.For(key.Action)));
        notices = PartitionedRateLimiter.Create<(AccountAction Action, string Client), (AccountAction, string)>(key =>
            AccountRateLimiting.Partition(key, new RateLimitRule { PermitLimit = 1, Window = settings.For(key.Action).Window }));
    }

    /// <summary>Counts one <paramref name="action"/> of <paramref name="client"/> (by address; IPv6 per /64).</summary>
    public bool TryAcquire(AccountAction action, ClientInfo client) => TryAcquire(action, AccountRateLimiting.ClientKey(client.IpAddress));

    /// <summary>Counts one <paramref name="action"/> under <paramref name="partitionKey"/>: a client key, or an account id for per-account budgets.</summary>
    public bool TryAcquire(AccountAction action, string partitionKey)
    {
        using var lease = limiter.AttemptAcquire((action, partitionKey));
        return lease.IsAcquired;
    }

    /// <summary>
    /// True at most once per window of <paramref name="action"/> for a client: for a caller already over its budget,
    /// the moment to record once that it was limited instead of on every attempt.
    /// </summary>
    public bool TryAcquireLimitNotice(AccountAction action, string partitionKey)
    {
        using var lease = notices.AttemptAcquire((action, partitionKey));
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        limiter.Dispose();
        notices.Dispose();
    }
}
