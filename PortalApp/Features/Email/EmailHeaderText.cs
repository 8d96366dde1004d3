using System.Text;

namespace PortalApp.Features.Email;

/// <summary>Makes customer-supplied text safe for a header: no control characters (so no CR/LF injection), bounded length.</summary>
internal static class EmailHeaderText
{
    public static string Clean(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        var lastWasSpace = false;
        foreach (var rune in value.EnumerateRunes())
        {
            var isSpace = Rune.IsControl(rune) || Rune.IsWhiteSpace(rune);
            if (isSpace)
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            if (builder.Length + rune.Utf16SequenceLength > maxLength)
            {
                break;
            }

            builder.Append(rune.ToString());
            lastWasSpace = false;
        }

        return builder.ToString().Trim();
    }
}
