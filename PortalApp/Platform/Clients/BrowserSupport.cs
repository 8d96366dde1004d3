namespace PortalApp.Platform.Clients;

internal static class BrowserSupport
{
    /// <summary>Internet Explorer (MSIE up to 10, Trident for 11) can't run the portal: no WebSockets-era JavaScript.</summary>
    public static bool IsUnsupported(string? userAgent)
        => !string.IsNullOrEmpty(userAgent)
            && (userAgent.Contains("MSIE ", StringComparison.Ordinal) || userAgent.Contains("Trident/", StringComparison.Ordinal));
}
