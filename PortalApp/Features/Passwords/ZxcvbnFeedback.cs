using Zxcvbn.Matcher;
using ZxcvbnMatch = Zxcvbn.Match;

namespace PortalApp.Features.Passwords;

/// <summary>
/// zxcvbn's own feedback rules and wording (feedback.coffee in zxcvbn 4), applied to the match sequence, because
/// the served zxcvbn-core 1.1.17 computes the sequence but not the feedback.
/// </summary>
internal static class ZxcvbnFeedback
{
    private const double TenThousandGuessesInBits = 13.29;
    private const string AddWord = "Add another word or two. Uncommon words are better.";

    public static (string? Warning, IReadOnlyList<string> Suggestions) For(int score, IList<ZxcvbnMatch>? sequence)
    {
        if (sequence is null || sequence.Count == 0)
        {
            return (null, ["Use a few words, avoid common phrases.", "No need for symbols, digits, or uppercase letters."]);
        }

        if (score > 2)
        {
            return (null, []);
        }

        var longest = sequence.MaxBy(m => m.Token?.Length ?? 0)!;
        var (warning, suggestions) = ForMatch(longest, sequence.Count == 1);
        return (string.IsNullOrEmpty(warning) ? null : warning, [AddWord, .. suggestions]);
    }

    private static (string? Warning, IReadOnlyList<string> Suggestions) ForMatch(ZxcvbnMatch match, bool isSoleMatch) => match switch
    {
        DictionaryMatch dictionary => ForDictionary(dictionary, isSoleMatch),
        SpatialMatch spatial => (spatial.Turns == 1 ? "Straight rows of keys are easy to guess." : "Short keyboard patterns are easy to guess.",
            ["Use a longer keyboard pattern with more turns."]),
        RepeatMatch => ("Repeats like \"aaa\" are easy to guess.", ["Avoid repeated words and characters."]),
        SequenceMatch => ("Sequences like abc or 6543 are easy to guess.", ["Avoid sequences."]),
        DateMatch => ("Dates are often easy to guess.", ["Avoid dates and years that are associated with you."]),
        _ when match.Pattern == "year" => ("Recent years are easy to guess.", ["Avoid recent years.", "Avoid years that are associated with you."]),
        _ => (null, []),
    };

    private static (string? Warning, IReadOnlyList<string> Suggestions) ForDictionary(DictionaryMatch match, bool isSoleMatch)
    {
        var isL33t = match is L33tDictionaryMatch;
        string? warning = match.DictionaryName switch
        {
            "passwords" when isSoleMatch && !isL33t => match.Rank switch
            {
                <= 10 => "This is a top-10 common password.",
                <= 100 => "This is a top-100 common password.",
                _ => "This is a very common password.",
            },
            "passwords" when match.Entropy <= TenThousandGuessesInBits => "This is similar to a commonly used password.",
            "english" or "us_tv_and_film" when isSoleMatch => "A word by itself is easy to guess.",
            "surnames" or "male_names" or "female_names" => isSoleMatch
                ? "Names and surnames by themselves are easy to guess."
                : "Common names and surnames are easy to guess.",
            _ => null,
        };

        var suggestions = new List<string>();
        var word = match.Token ?? "";
        if (word.Length > 1 && char.IsUpper(word[0]) && word.Skip(1).All(c => !char.IsUpper(c)))
        {
            suggestions.Add("Capitalization doesn't help very much.");
        }
        else if (word.Length > 1 && word.Any(char.IsLetter) && word.All(c => !char.IsLower(c)))
        {
            suggestions.Add("All-uppercase is almost as easy to guess as all-lowercase.");
        }

        if (isL33t)
        {
            suggestions.Add("Predictable substitutions like '@' instead of 'a' don't help very much.");
        }

        return (warning, suggestions);
    }
}
