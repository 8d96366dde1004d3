using System.Text.RegularExpressions;
using MimeKit;

namespace PortalApp.Tests.Infrastructure;

public static partial class Mail
{
    /// <summary>The first link in the text part that starts with <paramref name="prefix"/>.</summary>
    public static string LinkStartingWith(MimeMessage message, string prefix)
    {
        var text = message.TextBody ?? "";
        var match = Links().Matches(text).Select(m => m.Value).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return match ?? throw new InvalidOperationException($"No link starting with {prefix} in: {text}");
    }

    public static IReadOnlyList<MimeMessage> ReadPickup(string directory)
        => Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList()
            : [];

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Links();
}
