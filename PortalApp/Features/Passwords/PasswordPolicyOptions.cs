using PortalApp.Data;

namespace PortalApp.Features.Passwords;

public sealed class PasswordPolicyOptions
{
    public const string Section = "PasswordPolicy";

    /// <summary>Fewest characters, counted as the customer sees them (text elements).</summary>
    public int MinLength { get; set; } = 8;

    /// <summary>Most characters accepted; longer passwords are refused, never truncated.</summary>
    public int MaxLength { get; set; } = PortalLimits.PasswordMaxLength;

    /// <summary>zxcvbn scores below this (0–4) count as easily guessable.</summary>
    public int MinGuessabilityScore { get; set; } = 2;

    /// <summary>
    /// How many leading characters zxcvbn scores. Its matchers grow quadratically with length, and it runs on
    /// keystrokes, so the cost must stay bounded; a longer tail can only add strength.
    /// </summary>
    public int StrengthInputCap { get; set; } = 32;
}
