namespace PortalApp.Platform.Hosting;

/// <summary>Wakes a background worker as soon as there is work, so it does not wait for its next poll.</summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Wake()
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers all the work queued so far.
        }
    }

    /// <summary>Returns true when woken, false when <paramref name="timeout"/> (the poll interval) has passed.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        try
        {
            await semaphore.WaitAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Poll interval elapsed.
            return false;
        }
    }
}
