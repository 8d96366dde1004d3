namespace PortalApp.Features.PasswordReset;

/// <summary>
/// Tells listeners (the live staff dashboard) that activity was saved; called only by
/// <see cref="NotifyResetActivityInterceptor"/>. A cross-instance notifier can replace the in-process one.
/// </summary>
public interface IResetActivityNotifier
{
    void Notify(IReadOnlyList<ResetActivityEvent> recorded);
}

internal sealed class NullResetActivityNotifier : IResetActivityNotifier
{
    public void Notify(IReadOnlyList<ResetActivityEvent> recorded)
    {
    }
}
