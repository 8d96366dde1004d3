using System.Diagnostics.CodeAnalysis;

namespace PortalApp.Platform.Http;

public static class LocalUrl
{
    /// <summary>
    /// Only same-site paths, as an app-relative "~/..." for <c>LocalRedirect</c>; anything else (absolute,
    /// protocol-relative, backslash tricks, control characters, over-long) becomes <paramref name="fallback"/>.
    /// </summary>
    public static string OrFallback(string? url, string fallback) => IsLocal(url) ? "~" + url : fallback;

    /// <summary>A rooted path inside this site: not absolute, protocol-relative, a backslash trick, control characters or over-long.</summary>
    public static bool IsLocal([NotNullWhen(true)] string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && url[0] == '/'
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl);
}
