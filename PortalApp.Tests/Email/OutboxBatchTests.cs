using System.Security.Cryptography;
using PortalApp.Features.Email;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Email;

/// <summary>One outbox batch driven directly with a fake clock and a scripted transport: claiming, recording, backoff, give-up, observers.</summary>
public sealed class OutboxBatchTests : IAsyncLifetime
{
    private readonly OutboxOptions outbox = new()
    {
        BatchSize = 50,
        MaxAttempts = 5,
        RetryBaseDelay = TimeSpan.FromSeconds(2),
        RetryMaxDelay = TimeSpan.FromSeconds(10),
        ClaimTimeout = TimeSpan.FromMinutes(2),
    };

    private readonly ScriptedTransport transport = new();
    private readonly RecordingDeliveryObserver observer = new();
    private OutboxTestServices services = default!;

    private DateTimeOffset Now => services.Time.GetUtcNow();

    public async ValueTask InitializeAsync() => services = await OutboxTestServices.CreateAsync(outbox, observer);

    public async ValueTask DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task SendDue_DueMessage_ClaimedWhileSendingThenRecordedSentAndObserved()
    {
        OutboxMessage? inFlight = null;
        transport.WhileSending = async (_, _) => inFlight = await services.SingleAsync();
        await services.EnqueueAsync(Outbox.Message(1));

        Assert.Equal(1, await SendDueAsync());

        Assert.Equal(Now + outbox.ClaimTimeout, inFlight?.ClaimedUntil);
        Assert.Equal(0, inFlight?.Attempts);
        var sent = await services.SingleAsync();
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal(Now, sent.SentAt);
        Assert.Null(sent.ClaimedUntil);
        Assert.Equal("customer1@example.com", transport.Sent.Single().To.Mailboxes.Single().Address);
        Assert.Equal([new ObservedDelivery("sent", sent.Id, OutboxStatus.Sent, Permanent: false)], observer.Calls);
    }

    [Fact]
    public async Task SendDue_ClaimedByAnotherDispatcher_LeftAloneUntilTheClaimExpires()
    {
        await services.EnqueueAsync(Outbox.Message(1));
        var claimedUntil = Now + TimeSpan.FromMinutes(1);
        await services.UpdateAsync(m => m.ClaimedUntil = claimedUntil);

        Assert.Equal(0, await SendDueAsync());
        services.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await SendDueAsync());

        Assert.Equal(1, transport.SendCalls);
    }

    [Fact]
    public async Task SendDue_MoreDueThanBatchSize_LongestWaitingFirst()
    {
        outbox.BatchSize = 2;
        foreach (var number in new[] { 3, 1, 2 })
        {
            await services.EnqueueAsync(Outbox.Message(number));
            services.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(2, await SendDueAsync());

        Assert.Equal(["customer1@example.com", "customer3@example.com"], transport.Sent.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(0, (await services.ReadAsync()).Single(m => m.ToAddress == "customer2@example.com").Attempts);
    }

    [Fact]
    public async Task SendDue_TransportUnreachable_RetriesWithExponentialBackoffCappedAtMax()
    {
        transport.Answer = _ => SendResult.Unreachable(new IOException("connection refused"));
        await services.EnqueueAsync(Outbox.Message(1));

        var expected = new[] { 2, 4, 8, 10 }.Select(s => TimeSpan.FromSeconds(s)).ToArray();
        for (var attempt = 1; attempt <= expected.Length; attempt++)
        {
            Assert.Equal(1, await SendDueAsync());
            var message = await services.SingleAsync();
            Assert.Equal(OutboxStatus.Pending, message.Status);
            Assert.Equal(attempt, message.Attempts);
            Assert.Equal(Now + expected[attempt - 1], message.NextAttemptAt);
            Assert.Equal("IOException: connection refused", message.LastError);

            services.Time.Advance(expected[attempt - 1] - TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, await SendDueAsync());
            services.Time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(4, transport.SendCalls);
    }

    [Fact]
    public async Task SendDue_UnreachableWithSeveralDue_EveryMessageRetriedAfterOneTry()
    {
        transport.Answer = _ => SendResult.Unreachable(new IOException("connection refused"));
        await services.EnqueueAsync(Outbox.Message(1), Outbox.Message(2), Outbox.Message(3));

        Assert.Equal(3, await SendDueAsync());

        Assert.Equal(1, transport.SendCalls);
        Assert.All(await services.ReadAsync(), m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.Null(m.ClaimedUntil);
        });
        Assert.Equal(3, observer.Calls.Count(c => c is { Event: "failed", Permanent: false }));
    }

    [Fact]
    public async Task SendDue_FailsEveryTime_FailedAfterMaxAttemptsWithProtectedBodyErased()
    {
        transport.Answer = _ => SendResult.RetryLater(new InvalidOperationException("mailbox unavailable"));
        await services.EnqueueAsync(Outbox.Message(1, secret: true));

        for (var attempt = 1; attempt <= outbox.MaxAttempts; attempt++)
        {
            Assert.Equal(1, await SendDueAsync());
            services.Time.Advance(outbox.RetryMaxDelay);
        }

        var message = await services.SingleAsync();
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(outbox.MaxAttempts, message.Attempts);
        Assert.Null(message.HtmlBody);
        Assert.Null(message.TextBody);
        Assert.Equal([false, false, false, false, true], observer.Calls.Select(c => c.Permanent));

        services.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await SendDueAsync());
        Assert.Equal(outbox.MaxAttempts, transport.SendCalls);
    }

    [Fact]
    public async Task SendDue_Rejected_FailedAtOnceWithoutRetries()
    {
        transport.Answer = _ => SendResult.Rejected(new InvalidOperationException("5.1.1 no such user"));
        await services.EnqueueAsync(Outbox.Message(1, secret: true));

        Assert.Equal(1, await SendDueAsync());

        var message = await services.SingleAsync();
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Equal("InvalidOperationException: 5.1.1 no such user", message.LastError);
        Assert.Null(message.TextBody);
        Assert.Equal([new ObservedDelivery("failed", message.Id, OutboxStatus.Failed, Permanent: true)], observer.Calls);
        services.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await SendDueAsync());
        Assert.Equal(1, transport.SendCalls);
    }

    [Fact]
    public async Task SendDue_OneMessageRetryLater_OthersStillSent()
    {
        transport.Answer = m => m.To.Mailboxes.Single().Address == "customer2@example.com"
            ? SendResult.RetryLater(new InvalidOperationException("4.2.1 try later"))
            : SendResult.Sent;
        await services.EnqueueAsync(Outbox.Message(1), Outbox.Message(2), Outbox.Message(3));

        Assert.Equal(3, await SendDueAsync());

        var messages = await services.ReadAsync();
        var retried = messages.Single(m => m.ToAddress == "customer2@example.com");
        Assert.Equal(OutboxStatus.Pending, retried.Status);
        Assert.Equal(Now + outbox.RetryBaseDelay, retried.NextAttemptAt);
        Assert.Equal(2, messages.Count(m => m.Status == OutboxStatus.Sent));
    }

    [Fact]
    public async Task SendDue_ProtectedMessage_SecretDecryptedForSendingAndErasedAfter()
    {
        await services.EnqueueAsync(Outbox.Message(1, secret: true));
        Assert.DoesNotContain("secret-1", (await services.SingleAsync()).TextBody);

        await SendDueAsync();

        Assert.Contains("http://portal.test/t/secret-1", transport.Sent.Single().TextBody);
        Assert.Contains("http://portal.test/t/secret-1", transport.Sent.Single().HtmlBody);
        var sent = await services.SingleAsync();
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Null(sent.HtmlBody);
        Assert.Null(sent.TextBody);
    }

    [Fact]
    public async Task SendDue_UnreadableProtectedBody_RetriedLaterWithoutAskingTheTransport()
    {
        await services.EnqueueAsync(Outbox.Message(1, secret: true));
        await services.UpdateAsync(m => m.TextBody = "not a protected payload");

        Assert.Equal(1, await SendDueAsync());

        var message = await services.SingleAsync();
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.StartsWith(nameof(CryptographicException), message.LastError, StringComparison.Ordinal);
        Assert.Equal(0, transport.SendCalls);
    }

    [Fact]
    public async Task SendDue_MalformedAddress_FailedAtOnceWithoutAskingTheTransport()
    {
        await services.EnqueueAsync(Outbox.Message(1, to: "customer1@@example..com"));

        Assert.Equal(1, await SendDueAsync());

        var message = await services.SingleAsync();
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(0, transport.SendCalls);
    }

    [Fact]
    public async Task SendDue_CancelledWhileSending_UnsentMessagesDueAgainAtOnce()
    {
        transport.WhileSending = ScriptedTransport.BlockUntilCancelled;
        await services.EnqueueAsync(Outbox.Message(1), Outbox.Message(2));
        using var stopping = new CancellationTokenSource();

        var batch = SendDueAsync(stopping.Token);
        await transport.WaitForSendCallsAsync(1);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batch);

        // A restarted app must be able to send them straight away, not after the claim timeout.
        Assert.All(await services.ReadAsync(), m => Assert.Null(m.ClaimedUntil));
        transport.WhileSending = null;
        Assert.Equal(2, await SendDueAsync());
        Assert.Equal(2, transport.Sent.Count);
    }

    private async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await using var session = transport.StartSession();
        return await services.SendDueAsync(session, cancellationToken);
    }
}
