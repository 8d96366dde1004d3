namespace PortalApp.Features.Passwords;

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
