using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Features.Email.Templates;
using PortalApp.Features.Email;
using PortalApp.Platform.Clients;
using PortalApp.Platform.Hosting;

namespace PortalApp.Features.PasswordReset;

/// <summary>Renders the reset emails; the caller adds them to the outbox in its own transaction.</summary>
internal sealed class ResetEmails(EmailRenderer renderer, PublicUrls urls, IOptions<PasswordResetOptions> options)
{
    public const string ResetKind = "password-reset";
    public const string ChangedKind = "password-changed";
    public const string NoAccountKind = "password-reset-no-account";

    public string ResetLink(ResetToken token) =>
        urls.Build("Account/ResetPassword", new Dictionary<string, string?> { ["token"] = token.ToString() });

    public async Task<EmailMessage> ResetAsync(PortalUser user, ResetRequest request, ResetToken token)
    {
        var rendered = await renderer.RenderAsync<PasswordResetTemplate>(new Dictionary<string, object?>
        {
            [nameof(PasswordResetTemplate.FullName)] = user.FullName,
            [nameof(PasswordResetTemplate.ResetLink)] = ResetLink(token),
            [nameof(PasswordResetTemplate.Lifetime)] = options.Value.LinkLifetime,
            [nameof(PasswordResetTemplate.ValidUntil)] = request.ExpiresAt!.Value,
        });
        return new EmailMessage(user.Email!, user.FullName, "Reset your Customer Portal password", rendered.Html, rendered.Text, ResetKind,
            ContainsSecret: true, CorrelationId: request.Id.ToString());
    }

    public async Task<EmailMessage> PasswordChangedAsync(PortalUser user, DateTimeOffset when, string? userAgent, Guid? requestId)
    {
        var rendered = await renderer.RenderAsync<PasswordChangedTemplate>(new Dictionary<string, object?>
        {
            [nameof(PasswordChangedTemplate.FullName)] = user.FullName,
            [nameof(PasswordChangedTemplate.When)] = when,
            [nameof(PasswordChangedTemplate.Browser)] = UserAgents.Describe(userAgent),
        });
        return new EmailMessage(user.Email!, user.FullName, "Your Customer Portal password was changed", rendered.Html, rendered.Text, ChangedKind,
            ContainsSecret: false, CorrelationId: requestId?.ToString());
    }

    public async Task<EmailMessage> NoAccountAsync(string email, Guid requestId)
    {
        var rendered = await renderer.RenderAsync<NoAccountTemplate>(new Dictionary<string, object?>());
        return new EmailMessage(email, "", "Password reset requested for an address without an account", rendered.Html, rendered.Text, NoAccountKind,
            ContainsSecret: false, CorrelationId: requestId.ToString());
    }
}
