using Microsoft.AspNetCore.Identity;
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
/// exempt (<see cref="KnownDevices"/>), and the owner hears about it by email the first time.
/// </summary>
internal sealed class AccountThrottle(
    UserManager<PortalUser> users,
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

        var doublings = Math.Min(failures - options.MaxFailedSignInAttempts, 30);
        var wait = options.FirstSignInWait * Math.Pow(2, doublings);
        return wait < options.LockoutDuration ? wait : options.LockoutDuration;
    }

    /// <summary>
    /// Counts one failure and starts the wait it earns. Concurrent failures on one account race on its concurrency
    /// stamp; the loser re-reads the account and counts again, so no guess goes uncounted.
    /// <paramref name="alreadyCounted"/>: Identity's second-factor sign-in has already added this failure.
    /// </summary>
    public async Task RecordFailureAsync(PortalUser user, bool alreadyCounted = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!alreadyCounted)
            {
                user.AccessFailedCount++;
            }

            var failures = user.AccessFailedCount;
            var wait = WaitAfter(failures, options.Value);
            if (wait > TimeSpan.Zero)
            {
                user.LockoutEnd = time.GetUtcNow() + wait;
            }

            var saved = await users.UpdateAsync(user);
            if (saved.Succeeded)
            {
                await AfterFailureAsync(user, failures, wait);
                return;
            }

            if (attempt == 5 || !saved.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                throw new InvalidOperationException($"Could not count a failed sign-in for user {user.Id}: {string.Join(" ", saved.Errors.Select(e => e.Code))}");
            }

            await db.Entry(user).ReloadAsync();
        }
    }

    /// <summary>A proof succeeded: the count starts again.</summary>
    public async Task RecordSuccessAsync(PortalUser user)
    {
        if (user.AccessFailedCount == 0 && user.LockoutEnd is null)
        {
            return;
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
    }

    private async Task AfterFailureAsync(PortalUser user, int failures, TimeSpan wait)
    {
        if (failures != options.Value.MaxFailedSignInAttempts)
        {
            return;
        }

        logger.LogWarning("User {UserId} had {Failures} failed sign-in proofs in a row; further attempts wait {Wait}.", user.Id, failures, wait);
        await events.RecordAsync(user.Id, SecurityEventKind.SignInSlowed);
        await emails.SendSecurityNoticeAsync(user, SecurityNotice.SignInSlowed);
    }
}
