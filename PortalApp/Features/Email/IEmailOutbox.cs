using PortalApp.Data;

namespace PortalApp.Features.Email;

public interface IEmailOutbox
{
    /// <summary>Adds the message to <paramref name="db"/> without saving, so it commits atomically with the caller's own changes.</summary>
    void Add(PortalDbContext db, EmailMessage message);

    /// <summary>Adds and saves the message in its own transaction, then wakes the dispatcher.</summary>
    Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken = default);

    /// <summary>Wakes the dispatcher after the caller saved messages added with <see cref="Add"/>.</summary>
    void Notify();
}
