namespace PortalApp.Features.HelpCenter;

/// <summary>Reads and writes the <c>|tag|tag|</c> column format.</summary>
public static class ArticleTags
{
    public static IReadOnlyList<string> Parse(string stored)
        => stored.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Lower-cases, turns spaces into hyphens, keeps letters, digits and hyphens, drops duplicates.</summary>
    public static string Normalize(string tag)
    {
        var chars = tag.Trim().ToLowerInvariant().Select(c => char.IsWhiteSpace(c) ? '-' : c).Where(c => char.IsLetterOrDigit(c) || c == '-');
        var text = new string(chars.ToArray()).Trim('-');
        return text.Length > HelpCenterLimits.TagMaxLength ? text[..HelpCenterLimits.TagMaxLength] : text;
    }

    public static string Format(IEnumerable<string> tags)
    {
        var list = tags.Select(Normalize).Where(t => t.Length > 0).Distinct().ToList();
        return list.Count == 0 ? "" : "|" + string.Join('|', list) + "|";
    }
}
