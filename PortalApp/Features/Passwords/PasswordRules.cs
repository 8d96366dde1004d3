namespace PortalApp.Features.Passwords;

/// <summary>The stable rule ids the checklist, the browser tests and the Identity errors share.</summary>
public static class PasswordRuleIds
{
    public const string MinLength = "min-length";
    public const string Uppercase = "uppercase";
    public const string Digit = "digit";
    public const string Special = "special";
    public const string NotCommon = "not-common";
    public const string NotPersonal = "not-personal";
}

/// <summary>Who the password is for: the not-personal rule and zxcvbn both use it.</summary>
public sealed record PasswordContext(string? FullName, string? Email)
{
    public static PasswordContext None { get; } = new(null, null);
}

public sealed record PasswordRuleResult(string Id, string Description, bool IsSatisfied);

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

/// <summary>
/// Every rule with its state. <see cref="Strength"/> is null while only the cheap rules have run; then the
/// not-common rule reflects the common-password list alone.
/// </summary>
public sealed record PasswordEvaluation(IReadOnlyList<PasswordRuleResult> Rules, int Length, int MaxLength, PasswordStrength? Strength)
{
    public bool IsTooLong => Length > MaxLength;

    public int SatisfiedCount => Rules.Count(r => r.IsSatisfied);

    public bool IsAcceptable => !IsTooLong && Rules.All(r => r.IsSatisfied);

    public PasswordRuleResult this[string id] => Rules.First(r => r.Id == id);
}
