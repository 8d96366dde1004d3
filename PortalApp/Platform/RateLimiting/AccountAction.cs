namespace PortalApp.Platform.RateLimiting;

/// <summary>The account actions an attacker would repeat: each gets its own budget per client IP address (per account for <see cref="ChangeEmail"/>).</summary>
public enum AccountAction
{
    SignIn,
    Register,
    ForgotPassword,
    ResetPassword,
    ResendConfirmation,
    ChangeEmail,
    ContactSupport,

    /// <summary>Recording a visit with a reset link that matches no request (anyone can make those up).</summary>
    UnmatchedResetLink,
}
