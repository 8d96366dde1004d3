using Microsoft.Extensions.Options;

namespace PortalApp.Features.Passwords;

/// <summary>
/// The one source of truth for passwords: the live checklist, the strength meter and the Identity validator all
/// evaluate through here. The cheap rules (<see cref="EvaluateRules"/>) are fit for every keystroke; the zxcvbn
/// estimate (<see cref="EstimateStrength"/>) costs milliseconds and is run off the render path by the components.
/// </summary>
internal sealed class PasswordPolicy
{
    private readonly PasswordPolicyOptions options;
    private readonly Lazy<CommonPasswordList> commonPasswords;
    private readonly Lazy<PasswordStrengthEstimator> estimator;

    public PasswordPolicy(IOptions<PasswordPolicyOptions> options)
    {
        this.options = options.Value;
        commonPasswords = new Lazy<CommonPasswordList>(CommonPasswordList.LoadEmbedded);
        estimator = new Lazy<PasswordStrengthEstimator>(() => new PasswordStrengthEstimator(options));
    }

    public PasswordPolicyOptions Options => options;

    /// <summary>Loads the common-password list and zxcvbn's dictionaries now rather than on the first keystroke.</summary>
    public void WarmUp()
    {
        _ = commonPasswords.Value;
        _ = estimator.Value;
    }

    /// <summary>The full evaluation: every rule, not-common including the zxcvbn score. What the server enforces.</summary>
    public PasswordEvaluation Evaluate(string password, PasswordContext context)
    {
        var strength = EstimateStrength(password, context);
        return EvaluateRules(password, context, strength);
    }

    /// <summary>
    /// Every rule, cheaply. Without <paramref name="strength"/> the not-common rule reflects the common-password
    /// list only; pass the estimate for <paramref name="password"/> once it is known.
    /// </summary>
    public PasswordEvaluation EvaluateRules(string password, PasswordContext context, PasswordStrength? strength = null)
    {
        password ??= "";
        var composition = PasswordText.Analyse(password);
        var isCommon = password.Length > 0 && commonPasswords.Value.Matches(password);
        var isWeak = strength is not null && strength.Score < options.MinGuessabilityScore;
        var isPersonal = ContainsPersonalPart(password, context);

        PasswordRuleResult[] rules =
        [
            new(PasswordRuleIds.MinLength, $"At least {options.MinLength} characters", composition.Length >= options.MinLength),
            new(PasswordRuleIds.Uppercase, "At least 1 uppercase letter", composition.HasUppercase),
            new(PasswordRuleIds.Digit, "At least 1 number", composition.HasDigit),
            new(PasswordRuleIds.Special, "At least 1 special character", composition.HasSpecial),
            new(PasswordRuleIds.NotCommon, "Not an easily guessable password (like \"password123\")", password.Length > 0 && !isCommon && !isWeak),
            new(PasswordRuleIds.NotPersonal, "Doesn't contain your name or email", password.Length > 0 && !isPersonal),
        ];
        return new PasswordEvaluation(rules, composition.Length, options.MaxLength, strength);
    }

    public PasswordStrength EstimateStrength(string password, PasswordContext context)
        => estimator.Value.Estimate(password ?? "", PasswordText.PersonalParts(context, 1));

    public static string TooLongMessage(int maxLength, int length)
        => $"Use at most {maxLength} characters (this one has {length}).";

    private static bool ContainsPersonalPart(string password, PasswordContext context)
    {
        var parts = PasswordText.PersonalParts(context, minLength: 3);
        if (parts.Count == 0 || password.Length == 0)
        {
            return false;
        }

        var lower = password.ToLowerInvariant();
        var skeleton = PasswordText.Skeleton(password);
        return parts.Any(part => lower.Contains(part, StringComparison.Ordinal)
            || skeleton.Contains(PasswordText.Skeleton(part), StringComparison.Ordinal));
    }
}
