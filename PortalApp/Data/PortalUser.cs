using Microsoft.AspNetCore.Identity;

namespace PortalApp.Data;

public sealed class PortalUser : IdentityUser
{
    [PersonalData]
    public string FullName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>IANA time zone id used to show times to the customer.</summary>
    [PersonalData]
    public string TimeZoneId { get; set; } = PortalLimits.DefaultTimeZoneId;

    /// <summary>Language tag for emails and pages (one of <c>PortalLanguages.All</c>).</summary>
    [PersonalData]
    public string Language { get; set; } = PortalLimits.DefaultLanguage;

    /// <summary>Optional security notices by email. Password and MFA changes are always emailed regardless.</summary>
    [PersonalData]
    public bool SecurityNotificationsByEmail { get; set; } = true;

    [PersonalData]
    public bool ProductNewsByEmail { get; set; }

    /// <summary>The last 30-second TOTP step accepted, so a code cannot be replayed within its validity window.</summary>
    public long? AuthenticatorLastTimeStep { get; set; }

    /// <summary>
    /// Wrong passwords or codes in a row from browsers that signed in to the account before. Kept here, not in their
    /// cookie, so a replayed cookie cannot reset it; at the sign-in limit no browser is exempt from the waits any more.
    /// </summary>
    public int KnownDeviceFailures { get; set; }
}
