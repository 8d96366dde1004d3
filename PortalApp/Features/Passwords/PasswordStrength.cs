namespace PortalApp.Features.Passwords;

/// <summary>zxcvbn's estimate: score 0–4, a label for people, and zxcvbn's feedback when it has any.</summary>
public sealed record PasswordStrength(int Score, string? Warning, IReadOnlyList<string> Suggestions)
{
    public string Label => LabelFor(Score);

    public static string LabelFor(int score) => score switch
    {
        <= 0 => "Very weak",
        1 => "Weak",
        2 => "Fair",
        3 => "Strong",
        _ => "Very strong",
    };
}
