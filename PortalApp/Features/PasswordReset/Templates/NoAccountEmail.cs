using PortalApp.Features.Email;

namespace PortalApp.Features.PasswordReset.Templates;

/// <summary>Answers a reset request for an address no account uses.</summary>
public sealed record NoAccountEmail : IEmailModel<NoAccountEmail, NoAccountTemplate>
{
    public string Subject => "Password reset requested for an address without an account";

    public string Kind => ResetEmails.NoAccountKind;
}
