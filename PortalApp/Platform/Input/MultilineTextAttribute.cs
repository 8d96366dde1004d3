using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace PortalApp.Platform.Input;

/// <summary>Like <see cref="NoControlCharactersAttribute"/> but allows line breaks and tabs, for free text.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultilineTextAttribute : ValidationAttribute
{
    public MultilineTextAttribute()
        : base("{0} can't contain control characters.")
    {
    }

    public override bool IsValid(object? value)
        => value is not string text || !text.EnumerateRunes().Any(r => r.Value is not ('\n' or '\r' or '\t')
            && (Rune.IsControl(r) || Rune.GetUnicodeCategory(r) is UnicodeCategory.Format && r.Value is not 0x200D));
}
