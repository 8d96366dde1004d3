namespace PortalApp.Features.PasswordReset;

public enum ResetOutcome
{
    Completed,
    RejectedByPolicy,
    Expired,
    Invalid,
    TooManyAttempts,
}

/// <summary>How a reset submit ended, with the messages to show (policy rules unmet, too many attempts).</summary>
public sealed record ResetResult(ResetOutcome Outcome, IReadOnlyList<string> Errors, string? Email)
{
    public static ResetResult Of(ResetOutcome outcome, string? email = null) => new(outcome, [], email);
}
