using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Platform.Security;

namespace PortalApp.Features.Account;

/// <summary>
/// OWASP's device cookie: a browser that signed in to an account carries a protected cookie naming it, and the
/// account's waits (<see cref="AccountThrottle"/>) do not apply to it. A stranger's guesses slow down every other
/// browser, never the customer's own. The cookie carries its own count of wrong passwords, so a stolen one buys only
/// a few guesses before it stops counting as known.
/// </summary>
internal sealed class KnownDevices(IHttpContextAccessor http, IDataProtectionProvider protection, IOptions<AccountOptions> options, TimeProvider time)
{
    public const string CookieName = "portal.device";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);
    private readonly IDataProtector protector = protection.CreateProtector("PortalApp.Account.KnownDevice.v1");

    public bool IsKnown(PortalUser user) => Read() is { } device && device.UserId == user.Id && device.Failures < options.Value.MaxFailedSignInAttempts;

    public void Remember(PortalUser user) => Write(new Device(user.Id, 0, time.GetUtcNow()));

    /// <summary>A wrong password from this browser counts against its exemption (only for the account it knows).</summary>
    public void CountFailure(PortalUser user)
    {
        if (Read() is { } device && device.UserId == user.Id)
        {
            Write(device with { Failures = device.Failures + 1 });
        }
    }

    private Device? Read()
    {
        if (http.HttpContext?.Request.Cookies[CookieName] is not { Length: > 0 and <= 1024 } value)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(value).Split('\n');
            var device = new Device(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[2], CultureInfo.InvariantCulture)));
            return device.IssuedAt + Lifetime > time.GetUtcNow() ? device : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or IndexOutOfRangeException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private void Write(Device device)
    {
        if (http.HttpContext is not { Response.HasStarted: false } context)
        {
            return;
        }

        var value = protector.Protect(string.Join('\n', device.UserId, device.Failures.ToString(CultureInfo.InvariantCulture), device.IssuedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        var cookie = PortalCookies.LongLived(context.Request);
        cookie.MaxAge = Lifetime;
        context.Response.Cookies.Append(CookieName, value, cookie);
    }

    private sealed record Device(string UserId, int Failures, DateTimeOffset IssuedAt);
}
