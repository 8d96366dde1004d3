using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PortalApp.Features.PasswordReset;
using PortalApp.Features.Staff;

namespace PortalApp.Tests.Staff;

public sealed class ResetActivityBroadcasterTests
{
    private static readonly IReadOnlyList<ResetActivityEvent> OneEvent = [new ResetActivityEvent { Type = ResetActivityType.Requested }];

    private readonly FakeTimeProvider time = new();
    private readonly ResetActivityBroadcaster broadcaster;

    public ResetActivityBroadcasterTests()
    {
        broadcaster = new ResetActivityBroadcaster(time, Options.Create(new StaffDashboardOptions { LiveRefreshInterval = TimeSpan.FromMilliseconds(500) }), NullLogger<ResetActivityBroadcaster>.Instance);
    }

    [Fact]
    public async Task Notify_ThousandEventsInABurst_SubscriberRefreshedOnce()
    {
        var refreshes = new Refreshes();
        using var subscription = broadcaster.Subscribe(refreshes.OnActivity);

        for (var i = 0; i < 1000; i++)
        {
            broadcaster.Notify(OneEvent);
        }

        Assert.Equal(0, refreshes.Count);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await refreshes.WaitForAsync(1);
        time.Advance(TimeSpan.FromSeconds(5));
        await Task.Yield();
        Assert.Equal(1, refreshes.Count);
    }

    [Fact]
    public async Task Notify_AfterARefresh_SchedulesTheNextOne()
    {
        var refreshes = new Refreshes();
        using var subscription = broadcaster.Subscribe(refreshes.OnActivity);

        broadcaster.Notify(OneEvent);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await refreshes.WaitForAsync(1);
        broadcaster.Notify(OneEvent);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await refreshes.WaitForAsync(2);

        Assert.Equal(2, refreshes.Count);
    }

    [Fact]
    public async Task Notify_EverySubscriber_IsTold()
    {
        var first = new Refreshes();
        var second = new Refreshes();
        using var a = broadcaster.Subscribe(first.OnActivity);
        using var b = broadcaster.Subscribe(second.OnActivity);

        broadcaster.Notify(OneEvent);
        time.Advance(TimeSpan.FromMilliseconds(500));

        await first.WaitForAsync(1);
        await second.WaitForAsync(1);
    }

    [Fact]
    public void Dispose_Subscription_NoLongerCalledOrHeld()
    {
        var refreshes = new Refreshes();
        var subscription = broadcaster.Subscribe(refreshes.OnActivity);
        broadcaster.Notify(OneEvent);

        subscription.Dispose();
        time.Advance(TimeSpan.FromSeconds(2));
        broadcaster.Notify(OneEvent);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, refreshes.Count);
        Assert.Equal(0, broadcaster.SubscriberCount);
    }

    private sealed class Refreshes
    {
        private readonly SemaphoreSlim signal = new(0);
        private int count;

        public int Count => Volatile.Read(ref count);

        public Task OnActivity()
        {
            Interlocked.Increment(ref count);
            signal.Release();
            return Task.CompletedTask;
        }

        public async Task WaitForAsync(int expected)
        {
            while (Count < expected)
            {
                Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(5)), $"Expected {expected} refresh(es), got {Count}.");
            }
        }
    }
}
