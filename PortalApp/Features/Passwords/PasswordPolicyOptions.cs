using System.ComponentModel.DataAnnotations;
using PortalApp.Data;

namespace PortalApp.Features.Passwords;

public sealed class PasswordPolicyOptions
{
    public const string Section = "PasswordPolicy";

    /// <summary>Fewest characters, counted as the customer sees them (text elements).</summary>
    [Range(1, PortalLimits.PasswordMaxLength)]
    public int MinLength { get; set; } = 8;

    /// <summary>Most characters accepted; longer passwords are refused, never truncated.</summary>
    [Range(1, PortalLimits.PasswordMaxLength)]
    public int MaxLength { get; set; } = PortalLimits.PasswordMaxLength;

    /// <summary>zxcvbn scores below this (0–4) count as easily guessable.</summary>
    [Range(0, 4)]
    public int MinGuessabilityScore { get; set; } = 2;

    /// <summary>
    /// How many leading characters zxcvbn scores. Its matchers grow quadratically with length, and it runs on
    /// keystrokes, so the cost must stay bounded; a longer tail can only add strength.
    /// </summary>
    [Range(16, PortalLimits.PasswordMaxLength)]
    public int StrengthInputCap { get; set; } = 32;
}
