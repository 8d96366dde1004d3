using PortalApp.Platform.Hosting;

namespace PortalApp.Features.PasswordReset;

/// <summary>Wakes the reset processor as soon as a request is recorded.</summary>
public sealed class ResetRequestSignal : WakeSignal;
