using Microsoft.AspNetCore.DataProtection;
using PortalApp.Data;

namespace PortalApp.Features.Email;

internal sealed class EmailOutbox(
    PortalDbContext db,
    IDataProtectionProvider dataProtection,
    TimeProvider time,
    OutboxSignal signal) : IEmailOutbox
{
    public const string ProtectorPurpose = "PortalApp.Email.Outbox.v1";

    public void Add(PortalDbContext target, EmailMessage message)
    {
        var protector = dataProtection.CreateProtector(ProtectorPurpose);
        var now = time.GetUtcNow();
        target.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            Kind = message.Kind,
            CorrelationId = message.CorrelationId,
            ToAddress = message.ToAddress,
            ToName = EmailHeaderText.Clean(message.ToName, 200),
            Subject = EmailHeaderText.Clean(message.Subject, 300),
            HtmlBody = message.ContainsSecret ? protector.Protect(message.HtmlBody) : message.HtmlBody,
            TextBody = message.ContainsSecret ? protector.Protect(message.TextBody) : message.TextBody,
            IsProtected = message.ContainsSecret,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    public async Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Add(db, message);
        await db.SaveChangesAsync(cancellationToken);
        Notify();
    }

    public void Notify() => signal.Wake();
}
