using System.Text.RegularExpressions;

namespace PortalApp.Features.HelpCenter;

/// <summary>
/// Turns whatever a visitor types into a safe FTS5 query: only runs of letters and digits survive, each becomes a
/// quoted prefix term, so quotes, operators (AND/OR/NEAR, ^, *, column filters) and stray punctuation can never
/// reach the FTS5 parser as syntax.
/// </summary>
public static partial class HelpSearchQuery
{
    public const int MaxInputLength = 200;
    public const int MaxTerms = 12;

    public static IReadOnlyList<string> Terms(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return [];
        }

        var text = input.Length > MaxInputLength ? input[..MaxInputLength] : input;
        return Word().Matches(text)
            .Select(m => m.Value.ToLowerInvariant())
            .Distinct()
            .Take(MaxTerms)
            .ToList();
    }

    /// <summary>Every term must match (<paramref name="matchAll"/>) or any may; null when nothing searchable is left.</summary>
    public static string? ToMatchExpression(IReadOnlyList<string> terms, bool matchAll = true)
        => terms.Count == 0 ? null : string.Join(matchAll ? " AND " : " OR ", terms.Select(t => $"\"{t}\"*"));

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*")]
    private static partial Regex Word();
}
