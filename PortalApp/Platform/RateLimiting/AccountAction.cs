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
}
