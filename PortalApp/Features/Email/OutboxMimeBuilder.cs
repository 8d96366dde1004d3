using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PortalApp.Features.Email;

/// <summary>Turns a stored outbox message into the MIME message to send, unprotecting a body that carries a secret.</summary>
internal sealed class OutboxMimeBuilder(IDataProtectionProvider dataProtection, IOptions<EmailOptions> options)
{
    public MimeMessage Build(OutboxMessage message)
    {
        var from = options.Value.FromAddress;
        var protector = dataProtection.CreateProtector(EmailOutbox.ProtectorPurpose);
        string? Read(string? body) => body is not null && message.IsProtected ? protector.Unprotect(body) : body;

        var body = new BodyBuilder { HtmlBody = Read(message.HtmlBody), TextBody = Read(message.TextBody) };
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = body.ToMessageBody(),
            MessageId = $"{message.Id:N}@{from.Domain}",
        };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        return mime;
    }
}
