using System.ComponentModel.DataAnnotations;

namespace PortalApp.Platform.Input;

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
