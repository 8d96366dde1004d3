using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using PortalApp.Platform.Input;

namespace PortalApp.Platform.Http;

public static class LocalUrl
{
    /// <summary>Query keys of the links we email whose value is a secret: the reset token, the confirmation code.</summary>
    private static readonly string[] SecretQueryKeys = ["token", "code"];

    /// <summary>
    /// Only same-site paths, as an app-relative "~/..." for <c>LocalRedirect</c>; anything else (absolute,
    /// protocol-relative, backslash tricks, control characters, broken Unicode, over-long) becomes <paramref name="fallback"/>.
    /// Non-ASCII characters are percent-encoded as UTF-8, the way a browser sends them: a Location header carries ASCII only.
    /// </summary>
    public static string OrFallback(string? url, string fallback) => IsLocal(url) ? "~" + EscapeNonAscii(url) : fallback;

    /// <summary>A rooted path inside this site: not absolute, protocol-relative, a backslash trick, control characters, broken Unicode or over-long.</summary>
    public static bool IsLocal([NotNullWhen(true)] string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && url[0] == '/'
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl) && UnicodeText.IsWellFormed(url);

    private static string EscapeNonAscii(string url)
    {
        if (url.All(char.IsAscii))
        {
            return url;
        }

        var escaped = new StringBuilder(url.Length + 16);
        for (var i = 0; i < url.Length; i++)
        {
            var length = char.IsHighSurrogate(url[i]) ? 2 : 1;
            escaped.Append(char.IsAscii(url[i]) ? url[i].ToString() : Uri.EscapeDataString(url.Substring(i, length)));
            i += length - 1;
        }

        return escaped.ToString();
    }

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
