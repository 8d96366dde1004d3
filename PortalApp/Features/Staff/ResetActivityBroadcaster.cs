using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PortalApp.Features.PasswordReset;

namespace PortalApp.Features.Staff;

/// <summary>
/// The in-process <see cref="IResetActivityNotifier"/>: tells every open dashboard that activity arrived.
/// Each subscriber is called at most once per <see cref="StaffDashboardOptions.LiveRefreshInterval"/>, so a burst of
/// thousands of events costs a circuit one refresh. A cross-instance notifier (e.g. over a message bus) can replace it.
/// </summary>
public sealed class ResetActivityBroadcaster(TimeProvider time, IOptions<StaffDashboardOptions> options, ILogger<ResetActivityBroadcaster> logger)
    : IResetActivityNotifier
{
    private readonly ConcurrentDictionary<Subscription, byte> subscriptions = new();
    private readonly TimeProvider time = time;
    private readonly IOptions<StaffDashboardOptions> options = options;
    private readonly ILogger<ResetActivityBroadcaster> logger = logger;

    public int SubscriberCount => subscriptions.Count;

    public void Notify(IReadOnlyList<ResetActivityEvent> recorded)
    {
        foreach (var subscription in subscriptions.Keys)
        {
            subscription.Signal();
        }
    }

    /// <summary>Calls <paramref name="onActivity"/> (coalesced) after activity is recorded, until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<Task> onActivity)
    {
        var subscription = new Subscription(this, onActivity);
        subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    private sealed class Subscription(ResetActivityBroadcaster owner, Func<Task> onActivity) : IDisposable
    {
        private readonly CancellationTokenSource disposed = new();
        private int pending;

        public void Signal()
        {
            // Only the first signal of a window schedules a refresh; the rest ride along with it.
            if (Interlocked.Exchange(ref pending, 1) == 0 && !disposed.IsCancellationRequested)
            {
                _ = DeliverAsync();
            }
        }

        public void Dispose()
        {
            owner.subscriptions.TryRemove(this, out _);
            disposed.Cancel();
        }

        private async Task DeliverAsync()
        {
            try
            {
                await Task.Delay(owner.options.Value.LiveRefreshInterval, owner.time, disposed.Token);
                Volatile.Write(ref pending, 0);
                await onActivity();
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex)
            {
                Volatile.Write(ref pending, 0);
                owner.logger.LogWarning(ex, "A dashboard failed to refresh after new reset activity.");
            }
        }
    }
}
