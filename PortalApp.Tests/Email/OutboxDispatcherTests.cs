using PortalApp.Features.Email;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Email;

/// <summary>The dispatcher's loop with a fake clock and a scripted transport: which session carries a batch, when it is kept and when closed.</summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private readonly OutboxOptions outbox = new()
    {
        PollInterval = TimeSpan.FromSeconds(1),
        SessionIdleTimeout = TimeSpan.FromSeconds(5),
    };

    private readonly ScriptedTransport transport = new();
    private OutboxTestServices services = default!;
    private OutboxDispatcher dispatcher = default!;

    public async ValueTask InitializeAsync()
    {
        services = await OutboxTestServices.CreateAsync(outbox);
        dispatcher = services.Dispatcher(transport);
    }

    public async ValueTask DisposeAsync()
    {
        dispatcher.Dispose();
        await services.DisposeAsync();
    }

    [Fact]
    public async Task DispatchDue_KeepSessionOpen_NextBatchGoesOverTheIdleSession()
    {
        await services.EnqueueAsync(Outbox.Message(1));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None, keepSessionOpen: true));
        await services.EnqueueAsync(Outbox.Message(2));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None, keepSessionOpen: true));

        Assert.Equal(1, transport.SessionsStarted);
        Assert.Equal(0, transport.SessionsDisposed);
        Assert.Equal(2, transport.IdleMarks);
        Assert.Equal(2, transport.Sent.Count);
    }

    [Fact]
    public async Task DispatchDue_DirectCall_OwnSessionClosedAndKeptSessionLeftAlone()
    {
        await services.EnqueueAsync(Outbox.Message(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None, keepSessionOpen: true);

        await services.EnqueueAsync(Outbox.Message(2));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(2, transport.SessionsStarted);
        Assert.Equal(1, transport.SessionsDisposed);

        await services.EnqueueAsync(Outbox.Message(3));
        await dispatcher.DispatchDueAsync(CancellationToken.None, keepSessionOpen: true);
        Assert.Equal(2, transport.SessionsStarted);
    }

    [Fact]
    public async Task DispatchDue_StoppedMidBatchOverAWorkingConnection_SessionClosedNotKept()
    {
        transport.WhileSending = (m, ct) => m.Subject == "Test message 2" ? ScriptedTransport.BlockUntilCancelled(m, ct) : Task.CompletedTask;
        await services.EnqueueAsync(Outbox.Message(1));
        services.Time.Advance(TimeSpan.FromSeconds(1));
        await services.EnqueueAsync(Outbox.Message(2));
        using var stopping = new CancellationTokenSource();

        var dispatch = dispatcher.DispatchDueAsync(stopping.Token, keepSessionOpen: true);
        await transport.WaitForSendCallsAsync(2);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatch);

        Assert.Equal("Test message 1", Assert.Single(transport.Sent).Subject);
        Assert.Equal(1, transport.SessionsDisposed);
    }

    [Fact]
    public async Task Loop_MailQueuedWhileWaiting_SentWithoutWaitingForThePoll()
    {
        await dispatcher.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => Task.FromResult(transport.SessionsStarted), n => n == 1, "the first (empty) pass");

        await services.EnqueueAsync(Outbox.Message(1));
        services.Signal.Wake();

        await transport.WaitForSentAsync(1);
        await dispatcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Loop_KeptSessionIdle_ClosedAfterIdleTimeoutDespiteEmptyPolls()
    {
        await StartWithOneMessageSentAsync();

        services.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(100);
        Assert.Equal(0, transport.SessionsDisposed);

        // Each step is one poll interval; the polls find nothing, so the connection's idle time keeps adding up.
        await Poll.UntilAsync(
            () =>
            {
                services.Time.Advance(TimeSpan.FromSeconds(1));
                return Task.FromResult(transport.SessionsDisposed);
            },
            n => n >= 1,
            "the idle session to be closed");
        await dispatcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Loop_Stopped_KeptSessionClosed()
    {
        await StartWithOneMessageSentAsync();
        Assert.Equal(0, transport.SessionsDisposed);

        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(1, transport.SessionsDisposed);
    }

    private async Task StartWithOneMessageSentAsync()
    {
        await services.EnqueueAsync(Outbox.Message(1));
        await dispatcher.StartAsync(CancellationToken.None);
        await transport.WaitForSentAsync(1);
    }
}
