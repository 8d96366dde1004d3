using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortalApp.Data;

namespace PortalApp.Features.Account;

/// <summary>
/// Growing waits instead of a hard lock. Every failed proof of the account's secrets (a sign-in password, a second
/// factor, the password or code an account page asks for) counts in Identity's <c>AccessFailedCount</c>; from
/// <see cref="AccountOptions.MaxFailedSignInAttempts"/> failures on, each one sets <c>LockoutEnd</c> to a wait that
/// doubles from <see cref="AccountOptions.FirstSignInWait"/> up to <see cref="AccountOptions.LockoutDuration"/>.
/// During a wait the password is not checked (a guess can't land), browsers the customer signed in with before are
/// exempt at sign-in (<see cref="KnownDevices"/>), and the owner hears about it by email the first time.
/// </summary>
internal sealed class AccountThrottle(
    PortalDbContext db,
    AccountEmails emails,
    SecurityEvents events,
    IOptions<AccountOptions> options,
    TimeProvider time,
    ILogger<AccountThrottle> logger)
{
    public bool IsWaiting(PortalUser user) => user.LockoutEnd > time.GetUtcNow();

    /// <summary>The wait after the <paramref name="failures"/>th failure in a row: none for the first few, then doubling to the cap.</summary>
    public static TimeSpan WaitAfter(int failures, AccountOptions options)
    {
        if (failures < options.MaxFailedSignInAttempts)
        {
            return TimeSpan.Zero;
        }

        // In seconds: a TimeSpan doubled thirty times overflows long before it reaches the cap.
        var seconds = options.FirstSignInWait.TotalSeconds * Math.Pow(2, Math.Min(failures - options.MaxFailedSignInAttempts, 30));
        return seconds < options.LockoutDuration.TotalSeconds ? TimeSpan.FromSeconds(seconds) : options.LockoutDuration;
    }

    /// <summary>The failure count as stored now (for telling whether Identity counted an attempt itself).</summary>
    public Task<int> StoredFailuresAsync(PortalUser user)
        => db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync();

    /// <summary>
    /// Counts one failure and starts the wait it earns. The count is one atomic update, so concurrent guesses on one
    /// account are each counted and none fails: there is no lost update to retry and no error to give the account away.
    /// <paramref name="alreadyCounted"/>: Identity's second-factor sign-in added this failure itself.
    /// </summary>
    public async Task RecordFailureAsync(PortalUser user, bool fromKnownDevice, bool alreadyCounted = false)
    {
        var increment = alreadyCounted ? 0 : 1;
        var deviceIncrement = fromKnownDevice ? 1 : 0;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + increment)
            .SetProperty(u => u.KnownDeviceFailures, u => u.KnownDeviceFailures + deviceIncrement));
        await db.Entry(user).ReloadAsync();
        var failures = user.AccessFailedCount;
        var wait = WaitAfter(failures, options.Value);
        if (wait > TimeSpan.Zero)
        {
            var until = time.GetUtcNow() + wait;
            await db.Users.Where(u => u.Id == user.Id && (u.LockoutEnd == null || u.LockoutEnd < until))
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.LockoutEnd, until));
            await db.Entry(user).ReloadAsync();
        }

        if (failures == options.Value.MaxFailedSignInAttempts)
        {
            logger.LogWarning("User {UserId} had {Failures} failed sign-in proofs in a row; further attempts wait {Wait}.", user.Id, failures, wait);
            await events.RecordAsync(user.Id, SecurityEventKind.SignInSlowed);
            await emails.SendSecurityNoticeAsync(user, SecurityNotice.SignInSlowed);
        }
    }

    /// <summary>A proof succeeded: the counts start again.</summary>
    public async Task RecordSuccessAsync(PortalUser user)
    {
        if (user.AccessFailedCount == 0 && user.KnownDeviceFailures == 0 && user.LockoutEnd is null)
        {
            return;
        }

        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.AccessFailedCount, 0)
            .SetProperty(u => u.KnownDeviceFailures, 0)
            .SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null));
        await db.Entry(user).ReloadAsync();
    }
}
