using PortalApp.Features.Email;

namespace PortalApp.Tests.Infrastructure;

/// <summary>One call an outbox delivery observer received: <c>sent</c> or <c>failed</c>, and the message's state then.</summary>
public sealed record ObservedDelivery(string Event, Guid MessageId, OutboxStatus Status, bool Permanent);

/// <summary>Keeps every call the outbox makes to its delivery observers.</summary>
public sealed class RecordingDeliveryObserver : IOutboxDeliveryObserver
{
    public List<ObservedDelivery> Calls { get; } = [];

    public Task OnSentAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Calls.Add(new ObservedDelivery("sent", message.Id, message.Status, Permanent: false));
        return Task.CompletedTask;
    }

    public Task OnFailedAsync(OutboxMessage message, bool permanent, CancellationToken cancellationToken)
    {
        Calls.Add(new ObservedDelivery("failed", message.Id, message.Status, permanent));
        return Task.CompletedTask;
    }
}
