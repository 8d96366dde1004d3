using PortalApp.Features.Email;

namespace PortalApp.Features.Account.Templates;

/// <summary>Tells the customer that something security-relevant happened to their account.</summary>
public sealed record SecurityNoticeEmail(string FullName, SecurityNotice Notice, DateTimeOffset When)
    : IEmailModel<SecurityNoticeEmail, SecurityNoticeTemplate>
{
    public string Subject => Text.Subject;

    public string Kind => "security-" + Notice.ToString().ToLowerInvariant();

    public string Heading => Text.Heading;

    public string Message => Text.Message;

    /// <summary>Whether the customer may switch this notice off; see <see cref="AccountEmails.IsOptional"/>.</summary>
    public bool Optional => AccountEmails.IsOptional(Notice);

    private (string Subject, string Heading, string Message) Text => Notice switch
    {
        SecurityNotice.PasswordChanged => ("Your password was changed", "Your password was changed", "The password of your account was just changed. Other devices were signed out."),
        SecurityNotice.MfaEnabled => ("Two-factor authentication is on", "Two-factor authentication is on", "Two-factor authentication with an authenticator app was turned on for your account. Sign-ins now ask for a code from the app."),
        SecurityNotice.MfaDisabled => ("Two-factor authentication is off", "Two-factor authentication is off", "Two-factor authentication was turned off for your account. Sign-ins now need only your password."),
        SecurityNotice.AuthenticatorReset => ("Your authenticator key was reset", "Your authenticator key was reset", "The authenticator key of your account was reset, so two-factor authentication is off until you set up your app again."),
        SecurityNotice.RecoveryCodesRegenerated => ("New recovery codes were generated", "New recovery codes were generated", "New two-factor recovery codes were generated for your account. The old ones no longer work."),
        SecurityNotice.EmailChangeRequested => ("A change of your email address was requested", "Email change requested", "Someone signed in to your account asked to change its email address. It changes only when the new address is confirmed; until then, this address stays in use."),
        SecurityNotice.EmailChanged => ("Your email address was changed", "Your email address was changed", "The email address of your account was changed. This address no longer receives emails about the account."),
        SecurityNotice.SignedInWithRecoveryCode => ("You signed in with a recovery code", "You signed in with a recovery code", "Someone signed in to your account with one of your recovery codes. That code no longer works."),
        SecurityNotice.PersonalDataDownloaded => ("Your account data was downloaded", "Your account data was downloaded", "A copy of your account data was downloaded from your account's privacy page."),
        SecurityNotice.SignInSlowed => ("Several wrong passwords were entered for your account", "Sign-in to your account was slowed down", "Several wrong passwords or codes were entered for your account in a row. To protect it, browsers you have not signed in with before now wait a few minutes after each further wrong attempt. Browsers you have signed in with are not affected, and resetting your password ends the wait."),
        _ => throw new ArgumentOutOfRangeException(nameof(Notice)),
    };
}
