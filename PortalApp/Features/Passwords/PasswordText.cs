using System.Globalization;
using System.Text;

namespace PortalApp.Features.Passwords;

/// <summary>Character classes counted per text element, and the normalisation the common and personal checks share.</summary>
internal static class PasswordText
{
    internal readonly record struct Composition(int Length, bool HasUppercase, bool HasDigit, bool HasSpecial);

    /// <summary>
    /// Classifies each text element by its first rune, so a combining mark belongs to its letter and an emoji
    /// sequence is one (special) character.
    /// </summary>
    public static Composition Analyse(string password)
    {
        int length = 0;
        bool upper = false, digit = false, special = false;
        var elements = StringInfo.GetTextElementEnumerator(password);
        while (elements.MoveNext())
        {
            length++;
            var element = elements.GetTextElement();
            if (Rune.DecodeFromUtf16(element, out var rune, out _) != System.Buffers.OperationStatus.Done)
            {
                special = true;
                continue;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter:
                    upper = true;
                    break;
                case UnicodeCategory.DecimalDigitNumber:
                    digit = true;
                    break;
                case UnicodeCategory.LowercaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter:
                    break;
                default:
                    special = true;
                    break;
            }
        }

        return new Composition(length, upper, digit, special);
    }

    public static int LengthInTextElements(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// Folds case and undoes common leetspeak into one canonical spelling. 1, l, i, ! and | all become 'i', so a
    /// "1" reads as either letter; both sides of a comparison go through this.
    /// </summary>
    public static string Skeleton(ReadOnlySpan<char> text)
    {
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            buffer[i] = Unleet(char.ToLowerInvariant(text[i]));
        }

        return new string(buffer);
    }

    /// <summary>The common-list key: case-folded, leading and trailing digits and symbols stripped, leetspeak undone.</summary>
    public static string CommonKey(string password)
    {
        var buffer = password.Length <= 256 ? stackalloc char[password.Length] : new char[password.Length];
        return new string(buffer[..WriteCommonKey(password, buffer)]);
    }

    /// <summary>Writes <see cref="CommonKey"/> of <paramref name="text"/> into <paramref name="destination"/> (at least as long) and returns its length.</summary>
    public static int WriteCommonKey(ReadOnlySpan<char> text, Span<char> destination)
    {
        var trimmed = TrimNonLetters(text);
        for (var i = 0; i < trimmed.Length; i++)
        {
            destination[i] = Unleet(char.ToLowerInvariant(trimmed[i]));
        }

        return trimmed.Length;
    }

    /// <summary>
    /// Keys to look up for a candidate: <see cref="CommonKey"/>, and a variant that undoes '@' and '$' before
    /// stripping so "@dmin123" and "$ummer!" still reduce to their words.
    /// </summary>
    public static IEnumerable<string> CommonKeys(string password)
    {
        var lower = password.ToLowerInvariant();
        var key = Skeleton(TrimNonLetters(lower));
        yield return key;

        var symbolsUndone = UnleetSymbols(lower);
        if (symbolsUndone != lower)
        {
            var second = Skeleton(TrimNonLetters(symbolsUndone));
            if (second != key)
            {
                yield return second;
            }
        }
    }

    /// <summary>Parts (at least <paramref name="minLength"/> characters) of a full name and of an email's local part, lower-cased.</summary>
    public static IReadOnlyList<string> PersonalParts(PasswordContext context, int minLength)
    {
        var parts = new List<string>();
        AddParts(context.FullName, parts, minLength);
        var email = context.Email?.Trim();
        if (!string.IsNullOrEmpty(email))
        {
            var at = email.LastIndexOf('@');
            AddParts(at > 0 ? email[..at] : email, parts, minLength);
        }

        return parts.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void AddParts(string? text, List<string> parts, int minLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) is UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var part = text[start..i];
                if (LengthInTextElements(part) >= minLength)
                {
                    parts.Add(part.ToLowerInvariant());
                }

                start = -1;
            }
        }
    }

    private static ReadOnlySpan<char> TrimNonLetters(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && !char.IsLetter(text[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetter(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static string UnleetSymbols(string text)
        => string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                // Only symbols that stand for letters and rarely decorate the ends ('!' does, so it stays).
                span[i] = source[i] switch
                {
                    '@' => 'a',
                    '$' => 's',
                    var c => c,
                };
            }
        });

    private static char Unleet(char c) => c switch
    {
        '0' => 'o',
        '1' or 'l' or '!' or '|' => 'i',
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' or '+' => 't',
        '8' => 'b',
        '9' => 'g',
        _ => c,
    };
}
