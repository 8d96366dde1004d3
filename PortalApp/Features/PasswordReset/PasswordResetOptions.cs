namespace PortalApp.Features.PasswordReset;

public sealed class PasswordResetOptions
{
    public const string Section = "PasswordReset";

    /// <summary>How long an emailed reset link stays valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>At most this many links per account within <see cref="AccountWindow"/>; more requests are recorded as throttled.</summary>
    public int MaxLinksPerAccount { get; set; } = 3;

    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>At most this many requests from one IP address within <see cref="IpWindow"/>.</summary>
    public int MaxRequestsPerIp { get; set; } = 20;

    public TimeSpan IpWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Email "no account uses this address" to unknown addresses (off by default).</summary>
    public bool NotifyUnknownAddresses { get; set; }

    /// <summary>How often the background processor looks for requests when nobody woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
