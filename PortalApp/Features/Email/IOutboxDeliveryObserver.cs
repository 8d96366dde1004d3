namespace PortalApp.Features.Email;

/// <summary>Lets a feature record what happened to its emails (e.g. reset activity) without the outbox knowing the feature.</summary>
public interface IOutboxDeliveryObserver
{
    Task OnSentAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <param name="permanent">True when the outbox has given up on the message.</param>
    Task OnFailedAsync(OutboxMessage message, bool permanent, CancellationToken cancellationToken);
}
