namespace PortalApp.Platform.Http;

public static class LocalUrl
{
    /// <summary>
    /// Only same-site paths, as an app-relative "~/..." for <c>LocalRedirect</c>; anything else (absolute,
    /// protocol-relative, backslash tricks, control characters, over-long) becomes <paramref name="fallback"/>.
    /// </summary>
    public static string OrFallback(string? url, string fallback)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || url[0] != '/' || url.StartsWith("//", StringComparison.Ordinal)
            || url.StartsWith("/\\", StringComparison.Ordinal) || url.Any(char.IsControl))
        {
            return fallback;
        }

        return "~" + url;
    }
}
