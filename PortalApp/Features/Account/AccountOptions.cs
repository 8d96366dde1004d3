namespace PortalApp.Features.Account;

public sealed class AccountOptions
{
    public const string Section = "Account";

    /// <summary>How often cookie sessions and live circuits re-check the security stamp (so a reset signs everyone out).</summary>
    public TimeSpan SessionRevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed proofs in a row (sign-in, second factor, account pages) before each further one earns a wait.</summary>
    public int MaxFailedSignInAttempts { get; set; } = 5;

    /// <summary>The first wait; each further failure doubles it up to <see cref="LockoutDuration"/>.</summary>
    public TimeSpan FirstSignInWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts (browsers that signed in to the account before never wait).</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Entries of customers' security activity older than this are deleted (a year: a customer can look back over it).</summary>
    public TimeSpan SecurityEventRetentionPeriod { get; set; } = TimeSpan.FromDays(365);

    /// <summary>PBKDF2-HMAC-SHA512 iterations (OWASP's current figure).</summary>
    public int PasswordHashIterations { get; set; } = 210_000;
}
