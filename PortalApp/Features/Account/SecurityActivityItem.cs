namespace PortalApp.Features.Account;

public sealed record SecurityActivityItem(SecurityEventKind Kind, DateTimeOffset OccurredAt, string? IpAddress, string Browser)
{
    public string Description => Kind switch
    {
        SecurityEventKind.SignedIn => "Signed in",
        SecurityEventKind.SignInFailed => "Failed sign-in attempt (wrong password)",
        SecurityEventKind.SignedInWithRecoveryCode => "Signed in with a recovery code",
        SecurityEventKind.PasswordChanged => "Password changed",
        SecurityEventKind.MfaEnabled => "Two-factor authentication turned on",
        SecurityEventKind.MfaDisabled => "Two-factor authentication turned off",
        SecurityEventKind.AuthenticatorReset => "Authenticator key reset",
        SecurityEventKind.RecoveryCodesRegenerated => "New recovery codes generated",
        SecurityEventKind.EmailChanged => "Email address changed",
        SecurityEventKind.SignInSlowed => "Sign-in slowed down after several wrong passwords or codes",
        _ => Kind.ToString(),
    };
}
