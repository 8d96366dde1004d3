using PortalApp.Data;

namespace PortalApp.Features.Email;

/// <summary>
/// Composes an email in one line:
/// <c>await email.To(user).Template(new PasswordResetEmail(…)).Secret().QueueAsync(db)</c>.
/// </summary>
public sealed class EmailComposer(EmailRenderer renderer, IEmailOutbox outbox)
{
    public EmailRecipient To(PortalUser user) => To(user.Email!, user.FullName);

    public EmailRecipient To(string address, string displayName = "") => new(renderer, outbox, address, displayName);
}
