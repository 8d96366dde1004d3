using System.ComponentModel.DataAnnotations;
using System.Text;

namespace PortalApp.Features.Account;

/// <summary>Rejects text with control characters (CR/LF, NUL, …): names end up in email headers and logs.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NoControlCharactersAttribute : ValidationAttribute
{
    public NoControlCharactersAttribute()
        : base("{0} can't contain line breaks or control characters.")
    {
    }

    public override bool IsValid(object? value)
        => value is not string text || !text.EnumerateRunes().Any(r => Rune.IsControl(r) || Rune.GetUnicodeCategory(r) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator);
}

public static class InputText
{
    /// <summary>False for text with unpaired UTF-16 surrogates, which no browser sends but a hand-made request can (and which hashing and normalization refuse).</summary>
    public static bool IsWellFormed(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A phone number as people write it: optional leading +, digits with spaces, dots, hyphens or brackets; 6 to 15 digits (E.164).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InternationalPhoneNumberAttribute : ValidationAttribute
{
    public InternationalPhoneNumberAttribute()
        : base("Enter a valid phone number, like +44 20 7946 0958.")
    {
    }

    public override bool IsValid(object? value)
    {
        if (value is not string text || text.Length == 0)
        {
            return true;
        }

        var body = text.StartsWith('+') ? text[1..] : text;
        var digits = body.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 15 && body.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')');
    }
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownTimeZoneAttribute : ValidationAttribute
{
    public KnownTimeZoneAttribute()
        : base("Choose a time zone from the list.")
    {
    }

    public override bool IsValid(object? value) => value is not string id || PortalTimeZones.IsKnown(id);
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class SupportedLanguageAttribute : ValidationAttribute
{
    public SupportedLanguageAttribute()
        : base("Choose a language from the list.")
    {
    }

    public override bool IsValid(object? value) => value is not string tag || PortalLanguages.All.Any(l => l.Tag == tag);
}

public sealed record PortalLanguage(string Tag, string Name);

public static class PortalLanguages
{
    public static IReadOnlyList<PortalLanguage> All { get; } =
    [
        new("en", "English"),
        new("de", "Deutsch"),
        new("es", "Español"),
        new("fr", "Français"),
        new("nl", "Nederlands"),
    ];
}

public static class PortalTimeZones
{
    private static readonly Lazy<IReadOnlyList<string>> Ids = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    /// <summary>IANA ids of the zones this server knows, sorted.</summary>
    public static IReadOnlyList<string> All => Ids.Value;

    public static bool IsKnown(string id) => All.Contains(id, StringComparer.Ordinal);

    public static TimeZoneInfo FindOrUtc(string? id)
        => id is not null && IsKnown(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
