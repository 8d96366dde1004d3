using PortalApp.Features.Email;

namespace PortalApp.Features.PasswordReset.Templates;

/// <summary>The reset link: open it to choose a new password, before <paramref name="ValidUntil"/>.</summary>
public sealed record PasswordResetEmail(string FullName, string ResetLink, TimeSpan Lifetime, DateTimeOffset ValidUntil)
    : IEmailModel<PasswordResetEmail, PasswordResetTemplate>
{
    public string Subject => "Reset your Customer Portal password";

    public string Kind => ResetEmails.ResetKind;
}
