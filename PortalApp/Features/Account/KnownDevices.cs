using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Platform.Security;

namespace PortalApp.Features.Account;

/// <summary>
/// OWASP's device cookie: a browser that signed in to an account carries a protected cookie naming it (and the
/// account's security stamp, so a password reset or MFA change ends it), and the account's waits
/// (<see cref="AccountThrottle"/>) do not hold it back at sign-in. A stranger's guesses slow every other browser down,
/// never the customer's own. Wrong passwords from such browsers are counted on the account
/// (<see cref="PortalUser.KnownDeviceFailures"/>), not in the cookie, so a stolen or replayed cookie buys only a few
/// guesses before no browser is exempt any more.
/// </summary>
internal sealed class KnownDevices(IHttpContextAccessor http, IDataProtectionProvider protection, IOptions<AccountOptions> options, TimeProvider time)
{
    public const string CookieName = "portal.device";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);
    private readonly IDataProtector protector = protection.CreateProtector("PortalApp.Account.KnownDevice.v2");

    public bool IsKnown(PortalUser user)
        => user.KnownDeviceFailures < options.Value.MaxFailedSignInAttempts
            && Read() is { } device && device.UserId == user.Id && device.SecurityStamp == user.SecurityStamp;

    public void Remember(PortalUser user)
    {
        if (http.HttpContext is not { Response.HasStarted: false } context)
        {
            return;
        }

        var issued = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var value = protector.Protect(string.Join('\n', user.Id, user.SecurityStamp ?? "", issued));
        var cookie = PortalCookies.LongLived(context.Request);
        cookie.MaxAge = Lifetime;
        context.Response.Cookies.Append(CookieName, value, cookie);
    }

    private Device? Read()
    {
        if (http.HttpContext?.Request.Cookies[CookieName] is not { Length: > 0 and <= 2048 } value)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(value).Split('\n');
            var issued = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[2], CultureInfo.InvariantCulture));
            return issued + Lifetime > time.GetUtcNow() ? new Device(parts[0], parts[1]) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or IndexOutOfRangeException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private sealed record Device(string UserId, string SecurityStamp);
}
