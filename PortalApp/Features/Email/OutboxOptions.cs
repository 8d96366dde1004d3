namespace PortalApp.Features.Email;

public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 50;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxAttempts { get; set; } = 10;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long the dispatcher keeps an idle SMTP connection open for the next message. Mail usually comes in
    /// bursts (a reset email every few milliseconds under load); reconnecting for each costs a TCP and SMTP
    /// handshake (plus TLS in production). Servers drop idle clients only after minutes (RFC 5321: 5 min).
    /// </summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed message stays reserved for one dispatcher before another may retry it.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Sent and failed messages older than this are deleted (pending ones never are).</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Exponential backoff after the <paramref name="attempts"/>th failed attempt, capped at <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Min(attempts - 1, 20);
        var delay = RetryBaseDelay * Math.Pow(2, exponent);
        return delay < RetryMaxDelay ? delay : RetryMaxDelay;
    }
}
