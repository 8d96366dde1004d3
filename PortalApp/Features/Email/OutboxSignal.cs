using PortalApp.Platform.Hosting;

namespace PortalApp.Features.Email;

/// <summary>Wakes the outbox dispatcher when mail is queued.</summary>
public sealed class OutboxSignal : WakeSignal;
