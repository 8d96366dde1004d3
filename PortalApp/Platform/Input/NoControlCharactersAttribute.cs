using System.ComponentModel.DataAnnotations;
using System.Text;

namespace PortalApp.Platform.Input;

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
