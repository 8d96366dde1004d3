namespace PortalApp.Platform.RateLimiting;

/// <summary>The account actions an attacker would repeat: each gets its own budget per client IP address.</summary>
public enum AccountAction
{
    SignIn,
    Register,
    ForgotPassword,
    ResetPassword,
    ResendConfirmation,
    ContactSupport,

    /// <summary>Recording a visit with a reset link that matches no request (anyone can make those up).</summary>
    UnmatchedResetLink,
}
