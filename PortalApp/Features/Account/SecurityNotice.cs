namespace PortalApp.Features.Account;

public enum SecurityNotice
{
    PasswordChanged,
    MfaEnabled,
    MfaDisabled,
    AuthenticatorReset,
    RecoveryCodesRegenerated,
    EmailChangeRequested,
    EmailChanged,
    SignedInWithRecoveryCode,
    PersonalDataDownloaded,
    SignInSlowed,
}
