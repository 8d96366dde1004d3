using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Features.Email;
using PortalApp.Features.PasswordReset.Templates;
using PortalApp.Platform.Clients;
using PortalApp.Platform.Hosting;

namespace PortalApp.Features.PasswordReset;

/// <summary>Renders the reset emails; the caller adds them to the outbox in its own transaction.</summary>
internal sealed class ResetEmails(EmailComposer mail, PublicUrls urls, IOptions<PasswordResetOptions> options)
{
    public const string ResetKind = "password-reset";
    public const string ChangedKind = "password-changed";
    public const string NoAccountKind = "password-reset-no-account";

    public string ResetLink(ResetToken token) =>
        urls.Build("Account/ResetPassword", new Dictionary<string, string?> { ["token"] = token.ToString() });

    public Task<EmailMessage> ResetAsync(PortalUser user, ResetRequest request, ResetToken token) =>
        mail.To(user)
            .Template(new PasswordResetEmail(user.FullName, ResetLink(token), options.Value.LinkLifetime, request.ExpiresAt!.Value))
            .Secret().CorrelatedWith(request.Id.ToString()).RenderAsync();

    public Task<EmailMessage> PasswordChangedAsync(PortalUser user, DateTimeOffset when, string? userAgent, Guid? requestId) =>
        mail.To(user).Template(new PasswordChangedEmail(user.FullName, when, UserAgents.Describe(userAgent))).CorrelatedWith(requestId?.ToString()).RenderAsync();

    public Task<EmailMessage> NoAccountAsync(string email, Guid requestId) =>
        mail.To(email).Template(new NoAccountEmail()).CorrelatedWith(requestId.ToString()).RenderAsync();
}
