using PortalApp.Features.Portal;

namespace PortalApp.Features.Email;

/// <summary>Wakes the outbox dispatcher when mail is queued.</summary>
public sealed class OutboxSignal : WakeSignal;
