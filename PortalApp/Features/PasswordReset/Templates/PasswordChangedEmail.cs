using PortalApp.Features.Email;

namespace PortalApp.Features.PasswordReset.Templates;

/// <summary>Tells the customer their password was reset, when and from which browser.</summary>
public sealed record PasswordChangedEmail(string FullName, DateTimeOffset When, string Browser)
    : IEmailModel<PasswordChangedEmail, PasswordChangedTemplate>
{
    public string Subject => "Your Customer Portal password was changed";

    public string Kind => ResetEmails.ChangedKind;
}
