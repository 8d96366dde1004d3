namespace PortalApp.Platform.Clients;

/// <summary>Readable names for user-agent strings: short for the staff request log, "Browser on OS" for customers.</summary>
public static class UserAgents
{
    // Order matters: Edge, Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari".
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"),
        ("EdgA/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("MSIE ", "Internet Explorer"),
        ("Trident/", "Internet Explorer"),
        ("Safari/", "Safari"),
        ("curl/", "curl"),
        ("python-requests", "Python"),
        ("bot", "Bot"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Windows", "Windows"),
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iOS"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ];

    /// <summary>"Chrome", "Firefox" …; "Unknown" when there is no user agent, "Other" when it is not recognised.</summary>
    public static string Browser(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) ? "Unknown" : Match(userAgent, Browsers) ?? "Other";

    /// <summary>"Chrome on Windows"; "Unknown browser" when the browser is not recognised.</summary>
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown browser";
        }

        var browser = Match(userAgent, Browsers) ?? "Unknown browser";
        var os = Match(userAgent, Systems);
        return os is null ? browser : $"{browser} on {os}";
    }

    private static string? Match(string userAgent, (string Token, string Name)[] table)
    {
        foreach (var (token, name) in table)
        {
            if (userAgent.Contains(token, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }
}
