using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using PortalApp.Data;
using PortalApp.Features.Email;
using PortalApp.Features.Email.Templates;
using PortalApp.Features.Portal;

namespace PortalApp.Features.Account;

/// <summary>Composes the account emails and hands them to the outbox.</summary>
internal sealed class AccountEmails(
    UserManager<PortalUser> userManager,
    EmailRenderer renderer,
    IEmailOutbox outbox,
    PublicUrls urls)
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
}
