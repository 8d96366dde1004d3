using Microsoft.Extensions.Options;
using ZxcvbnMatch = Zxcvbn.Match;

namespace PortalApp.Features.Passwords;

/// <summary>
/// zxcvbn's estimate over the first <see cref="PasswordPolicyOptions.StrengthInputCap"/> characters.
/// One <see cref="Zxcvbn.Zxcvbn"/> is shared: in zxcvbn-core 1.1.17 its matchers only read their word lists once
/// built (thread-safe <see cref="Lazy{T}"/>s), and per-call state (the user-input dictionary) is created per call.
/// The constructor builds the lists eagerly so no request pays for it.
/// </summary>
internal sealed class PasswordStrengthEstimator
{
    private readonly Zxcvbn.Zxcvbn zxcvbn = new();
    private readonly int inputCap;

    public PasswordStrengthEstimator(IOptions<PasswordPolicyOptions> options)
    {
        inputCap = options.Value.StrengthInputCap;
        zxcvbn.EvaluatePassword("warm-up", ["warm-up"]);
    }

    public PasswordStrength Estimate(string password, IReadOnlyList<string> userInputs)
    {
        var scored = Cap(password);
        if (scored.Length == 0)
        {
            return new PasswordStrength(0, null, []);
        }

        var result = zxcvbn.EvaluatePassword(scored, userInputs);
        var (warning, suggestions) = ZxcvbnFeedback.For(result.Score, result.MatchSequence);
        return new PasswordStrength(Math.Clamp(result.Score, 0, 4), warning, suggestions);
    }

    private string Cap(string password)
    {
        if (password.Length <= inputCap)
        {
            return password;
        }

        // Don't cut a surrogate pair in half.
        var end = char.IsHighSurrogate(password[inputCap - 1]) ? inputCap - 1 : inputCap;
        return password[..end];
    }
}
