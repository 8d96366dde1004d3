using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.WebUtilities;

namespace PortalApp.Platform.Http;

public static class LocalUrl
{
    /// <summary>Query keys of the links we email whose value is a secret: the reset token, the confirmation code.</summary>
    private static readonly string[] SecretQueryKeys = ["token", "code"];

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

    /// <summary>
    /// <paramref name="url"/> without its query when the query carries a link's secret (a reset token, a confirmation
    /// code and the account it is for), so a "come back here" URL never repeats the secret in a form, a redirect or a log.
    /// </summary>
    [return: NotNullIfNotNull(nameof(url))]
    public static string? WithoutSecrets(string? url)
    {
        var start = url?.IndexOf('?') ?? -1;
        if (start < 0)
        {
            return url;
        }

        var query = QueryHelpers.ParseQuery(url![start..]);
        return query.Keys.Any(key => SecretQueryKeys.Contains(key, StringComparer.OrdinalIgnoreCase)) ? url[..start] : url;
    }
}
