namespace PortalApp.Platform.Theme;

/// <summary>The customer's light/dark choice, kept in a cookie so static and interactive pages agree from the first paint.</summary>
public sealed record ThemePreference(bool DarkMode)
{
    public const string CookieName = "portal.theme";

    public static bool IsDark(HttpRequest request) => request.Cookies[CookieName] == "dark";
}
