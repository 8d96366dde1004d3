using Microsoft.EntityFrameworkCore;
using PortalApp.Data;
using PortalApp.Features.Email;

namespace PortalApp.Features.PasswordReset;

/// <summary>
/// Moves a reset request along when its email is sent or given up on. Works in a DbContext of its own, so it saves only
/// the request and its event, never the outbox's unit of work it is called from.
/// </summary>
internal sealed class ResetEmailDeliveryObserver(IDbContextFactory<PortalDbContext> contexts, TimeProvider time) : IOutboxDeliveryObserver
{
    public Task OnSentAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        RecordAsync(message, ResetActivityType.EmailSent, detail: null, cancellationToken);

    public Task OnFailedAsync(OutboxMessage message, bool permanent, CancellationToken cancellationToken) =>
        permanent ? RecordAsync(message, ResetActivityType.EmailFailed, "delivery gave up", cancellationToken) : Task.CompletedTask;

    private async Task RecordAsync(OutboxMessage message, ResetActivityType type, string? detail, CancellationToken cancellationToken)
    {
        if (message.Kind != ResetEmails.ResetKind || !Guid.TryParse(message.CorrelationId, out var requestId))
        {
            return;
        }

        var now = time.GetUtcNow();
        await ResetRequestUpdates.ApplyAsync(contexts, requestId, (db, request) => db.ResetActivityEvents.Add(request.Record(type, now, detail)), cancellationToken);
    }
}
