namespace PortalApp.Platform.Input;

public static class UnicodeText
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
