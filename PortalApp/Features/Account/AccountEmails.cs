using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using PortalApp.Data;
using PortalApp.Features.Email;
using PortalApp.Features.Email.Templates;
using PortalApp.Platform.Hosting;

namespace PortalApp.Features.Account;

/// <summary>Composes the account emails and hands them to the outbox.</summary>
internal sealed class AccountEmails(
    UserManager<PortalUser> userManager,
    EmailRenderer renderer,
    IEmailOutbox outbox,
    PublicUrls urls,
    TimeProvider time)
{
    public async Task SendEmailConfirmationAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        var token = await userManager.GenerateEmailConfirmationTokenAsync(user);
        var link = urls.Build("Account/ConfirmEmail", new Dictionary<string, string?>
        {
            ["userId"] = user.Id,
            ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        });
        var rendered = await renderer.RenderAsync<ConfirmEmailTemplate>(new Dictionary<string, object?>
        {
            [nameof(ConfirmEmailTemplate.FullName)] = user.FullName,
            [nameof(ConfirmEmailTemplate.ConfirmationLink)] = link,
        });
        await outbox.EnqueueAsync(
            new EmailMessage(user.Email!, user.FullName, "Confirm your email address", rendered.Html, rendered.Text, "confirm-email", ContainsSecret: true),
            cancellationToken);
    }

    public async Task SendRegistrationAttemptAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        var rendered = await renderer.RenderAsync<RegistrationAttemptTemplate>(new Dictionary<string, object?>
        {
            [nameof(RegistrationAttemptTemplate.FullName)] = user.FullName,
        });
        await outbox.EnqueueAsync(
            new EmailMessage(user.Email!, user.FullName, "Someone tried to register with your email address", rendered.Html, rendered.Text, "registration-attempt", ContainsSecret: false),
            cancellationToken);
    }

    public async Task SendEmailChangeConfirmationAsync(PortalUser user, string newEmail, CancellationToken cancellationToken = default)
    {
        var token = await userManager.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = urls.Build("Account/ConfirmEmailChange", new Dictionary<string, string?>
        {
            ["userId"] = user.Id,
            ["email"] = newEmail,
            ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        });
        var rendered = await renderer.RenderAsync<ConfirmEmailChangeTemplate>(new Dictionary<string, object?>
        {
            [nameof(ConfirmEmailChangeTemplate.FullName)] = user.FullName,
            [nameof(ConfirmEmailChangeTemplate.NewEmail)] = newEmail,
            [nameof(ConfirmEmailChangeTemplate.ConfirmationLink)] = link,
        });
        await outbox.EnqueueAsync(
            new EmailMessage(newEmail, user.FullName, "Confirm your new email address", rendered.Html, rendered.Text, "confirm-email-change", ContainsSecret: true),
            cancellationToken);
    }

    /// <summary>Sends <paramref name="notice"/> unless it is optional and the customer switched security notifications off.</summary>
    public Task SendSecurityNoticeIfWantedAsync(PortalUser user, SecurityNotice notice, CancellationToken cancellationToken = default)
        => IsOptional(notice) && !user.SecurityNotificationsByEmail
            ? Task.CompletedTask
            : SendSecurityNoticeAsync(user, notice, cancellationToken: cancellationToken);

    /// <summary>Password, email and MFA changes are always sent; the rest follow the customer's setting.</summary>
    public static bool IsOptional(SecurityNotice notice) => notice is SecurityNotice.SignedInWithRecoveryCode or SecurityNotice.PersonalDataDownloaded;

    /// <summary>Security notices go to <paramref name="toAddress"/> (default: the account's address) whatever the customer's notification settings.</summary>
    public async Task SendSecurityNoticeAsync(PortalUser user, SecurityNotice notice, string? toAddress = null, CancellationToken cancellationToken = default)
    {
        var (subject, heading, message) = notice switch
        {
            SecurityNotice.PasswordChanged => ("Your password was changed", "Your password was changed", "The password of your account was just changed. Other devices were signed out."),
            SecurityNotice.MfaEnabled => ("Two-factor authentication is on", "Two-factor authentication is on", "Two-factor authentication with an authenticator app was turned on for your account. Sign-ins now ask for a code from the app."),
            SecurityNotice.MfaDisabled => ("Two-factor authentication is off", "Two-factor authentication is off", "Two-factor authentication was turned off for your account. Sign-ins now need only your password."),
            SecurityNotice.AuthenticatorReset => ("Your authenticator key was reset", "Your authenticator key was reset", "The authenticator key of your account was reset, so two-factor authentication is off until you set up your app again."),
            SecurityNotice.RecoveryCodesRegenerated => ("New recovery codes were generated", "New recovery codes were generated", "New two-factor recovery codes were generated for your account. The old ones no longer work."),
            SecurityNotice.EmailChangeRequested => ("A change of your email address was requested", "Email change requested", $"Someone signed in to your account asked to change its email address. It changes only when the new address is confirmed; until then, this address stays in use."),
            SecurityNotice.EmailChanged => ("Your email address was changed", "Your email address was changed", "The email address of your account was changed. This address no longer receives emails about the account."),
            SecurityNotice.SignedInWithRecoveryCode => ("You signed in with a recovery code", "You signed in with a recovery code", "Someone signed in to your account with one of your recovery codes. That code no longer works."),
            SecurityNotice.PersonalDataDownloaded => ("Your account data was downloaded", "Your account data was downloaded", "A copy of your account data was downloaded from your account's privacy page."),
            _ => throw new ArgumentOutOfRangeException(nameof(notice)),
        };
        var when = time.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var rendered = await renderer.RenderAsync<SecurityNoticeTemplate>(new Dictionary<string, object?>
        {
            [nameof(SecurityNoticeTemplate.FullName)] = user.FullName,
            [nameof(SecurityNoticeTemplate.Heading)] = heading,
            [nameof(SecurityNoticeTemplate.Message)] = message,
            [nameof(SecurityNoticeTemplate.When)] = when,
            [nameof(SecurityNoticeTemplate.Optional)] = IsOptional(notice),
        });
        await outbox.EnqueueAsync(
            new EmailMessage(toAddress ?? user.Email!, user.FullName, subject, rendered.Html, rendered.Text, "security-" + notice.ToString().ToLowerInvariant(), ContainsSecret: false),
            cancellationToken);
    }
}

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
}
