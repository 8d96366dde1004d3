namespace PortalApp.Features.Email;

internal static class CancellationExceptions
{
    /// <summary>True when <paramref name="exception"/> is the cancellation <paramref name="cancellationToken"/> asked for, not a failure such as a timeout.</summary>
    public static bool IsCancellationOf(this Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
}
