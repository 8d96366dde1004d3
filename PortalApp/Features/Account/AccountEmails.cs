using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using PortalApp.Data;
using PortalApp.Features.Account.Templates;
using PortalApp.Features.Email;
using PortalApp.Platform.Hosting;

namespace PortalApp.Features.Account;

/// <summary>Composes the account emails and hands them to the outbox.</summary>
internal sealed class AccountEmails(
    UserManager<PortalUser> userManager,
    EmailComposer mail,
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
        await mail.To(user).Template(new ConfirmAddressEmail(user.FullName, link)).Secret().SendAsync(cancellationToken);
    }

    public Task SendRegistrationAttemptAsync(PortalUser user, CancellationToken cancellationToken = default)
        => mail.To(user).Template(new RegistrationAttemptEmail(user.FullName)).SendAsync(cancellationToken);

    public async Task SendEmailChangeConfirmationAsync(PortalUser user, string newEmail, CancellationToken cancellationToken = default)
    {
        var token = await userManager.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = urls.Build("Account/ConfirmEmailChange", new Dictionary<string, string?>
        {
            ["userId"] = user.Id,
            ["email"] = newEmail,
            ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        });
        await mail.To(newEmail, user.FullName).Template(new ConfirmNewAddressEmail(user.FullName, newEmail, link)).Secret().SendAsync(cancellationToken);
    }

    /// <summary>Sends <paramref name="notice"/> unless it is optional and the customer switched security notifications off.</summary>
    public Task SendSecurityNoticeIfWantedAsync(PortalUser user, SecurityNotice notice, CancellationToken cancellationToken = default)
        => IsOptional(notice) && !user.SecurityNotificationsByEmail
            ? Task.CompletedTask
            : SendSecurityNoticeAsync(user, notice, cancellationToken: cancellationToken);

    /// <summary>Password, email and MFA changes are always sent; the rest follow the customer's setting.</summary>
    public static bool IsOptional(SecurityNotice notice) => notice is SecurityNotice.SignedInWithRecoveryCode or SecurityNotice.PersonalDataDownloaded;

    /// <summary>Security notices go to <paramref name="toAddress"/> (default: the account's address) whatever the customer's notification settings.</summary>
    public Task SendSecurityNoticeAsync(PortalUser user, SecurityNotice notice, string? toAddress = null, CancellationToken cancellationToken = default)
        => mail.To(toAddress ?? user.Email!, user.FullName)
            .Template(new SecurityNoticeEmail(user.FullName, notice, time.GetUtcNow()))
            .SendAsync(cancellationToken);
}
