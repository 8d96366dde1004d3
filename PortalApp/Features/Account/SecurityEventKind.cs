namespace PortalApp.Features.Account;

public enum SecurityEventKind
{
    SignedIn,
    SignInFailed,
    SignedInWithRecoveryCode,
    PasswordChanged,
    MfaEnabled,
    MfaDisabled,
    AuthenticatorReset,
    RecoveryCodesRegenerated,
    EmailChanged,
    SignInSlowed,
}
