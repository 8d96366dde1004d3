using MailKit.Net.Smtp;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PortalApp.Data;
using PortalApp.Features.Email;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Unit;

/// <summary>The dispatcher driven directly with a fake clock and a scripted transport: exact backoff, give-up and claim rules.</summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "portal-tests", "dispatcher-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly ScriptedTransport transport = new();
    private readonly OutboxOptions outbox = new()
    {
        BatchSize = 50,
        MaxAttempts = 5,
        RetryBaseDelay = TimeSpan.FromSeconds(2),
        RetryMaxDelay = TimeSpan.FromSeconds(10),
        ClaimTimeout = TimeSpan.FromMinutes(2),
    };

    private ServiceProvider services = default!;
    private OutboxDispatcher dispatcher = default!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddDbContext<PortalDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(directory, "portal.db")}"));
        collection.AddDataProtection().UseEphemeralDataProtectionProvider();
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSingleton<OutboxSignal>();
        collection.AddScoped<IEmailOutbox, EmailOutbox>();
        collection.AddSingleton<IEmailTransport>(transport);
        services = collection.BuildServiceProvider();

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync();

        var options = Options.Create(new EmailOptions { From = "Customer Portal <no-reply@portal.test>", Outbox = outbox });
        dispatcher = new OutboxDispatcher(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<OutboxSignal>(), options, time, NullLogger<OutboxDispatcher>.Instance);
    }

    [Fact]
    public async Task DispatchDue_TransportDown_RetriesWithExponentialBackoffCappedAtMax()
    {
        transport.OpenFailure = () => new IOException("connection refused");
        await EnqueueAsync(Outbox.Message(1));

        var expected = new[] { 2, 4, 8, 10 }.Select(s => TimeSpan.FromSeconds(s)).ToArray();
        for (var attempt = 1; attempt <= expected.Length; attempt++)
        {
            Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
            var message = await SingleAsync();
            Assert.Equal(OutboxStatus.Pending, message.Status);
            Assert.Equal(attempt, message.Attempts);
            Assert.Equal(time.GetUtcNow() + expected[attempt - 1], message.NextAttemptAt);
            Assert.Equal("IOException: connection refused", message.LastError);

            time.Advance(expected[attempt - 1] - TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(4, transport.OpenCalls);
        Assert.Equal(0, transport.SessionsOpened);
    }

    [Fact]
    public async Task DispatchDue_FailsEveryTime_FailedAfterMaxAttemptsWithProtectedBodyErased()
    {
        transport.SendFailure = _ => new InvalidOperationException("mailbox unavailable");
        await EnqueueAsync(Outbox.Message(1, secret: true));

        for (var attempt = 1; attempt <= outbox.MaxAttempts; attempt++)
        {
            Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
            time.Advance(outbox.RetryMaxDelay);
        }

        var message = await SingleAsync();
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(outbox.MaxAttempts, message.Attempts);
        Assert.Null(message.HtmlBody);
        Assert.Null(message.TextBody);

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(outbox.MaxAttempts, transport.SendAttempts);
    }

    [Fact]
    public async Task DispatchDue_ServerRefusesPermanently_FailedAtOnceWithoutRetries()
    {
        transport.SendFailure = _ => new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "5.1.1 no such user");
        await EnqueueAsync(Outbox.Message(1, secret: true));

        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));

        var message = await SingleAsync();
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Null(message.TextBody);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(1, transport.SendAttempts);
    }

    [Fact]
    public async Task DispatchDue_ServerRefusesTemporarily_RetriedLater()
    {
        transport.SendFailure = _ => new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, "4.2.1 mailbox busy");
        await EnqueueAsync(Outbox.Message(1));

        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));

        var message = await SingleAsync();
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(time.GetUtcNow() + outbox.RetryBaseDelay, message.NextAttemptAt);
    }

    [Fact]
    public async Task DispatchDue_ServerRefusesSender_RetriedLaterNotFailed()
    {
        // 530 to MAIL FROM is the portal's own setup (credentials), not this message: fixing it must let mail flow.
        transport.SendFailure = _ => new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.AuthenticationRequired, "5.7.0 authentication required");
        await EnqueueAsync(Outbox.Message(1));

        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));

        var message = await SingleAsync();
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(1, message.Attempts);
    }

    [Fact]
    public async Task DispatchDue_KeptSessionGoneWhileIdle_SentOverFreshSessionOnFirstAttempt()
    {
        await EnqueueAsync(Outbox.Message(1));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None, keepSessionOpen: true));
        Assert.Equal(0, transport.SessionsDisposed);

        // The kept connection has sent one message and then dropped; a fresh one works.
        transport.BreakAfterSends = 1;
        await EnqueueAsync(Outbox.Message(2));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None, keepSessionOpen: true));

        var second = (await ReadAsync()).Single(m => m.ToAddress == "customer2@example.com");
        Assert.Equal(OutboxStatus.Sent, second.Status);
        Assert.Equal(1, second.Attempts);
        Assert.Null(second.LastError);
        Assert.Equal(2, transport.SessionsOpened);
        Assert.Equal(1, transport.SessionsDisposed);
    }

    [Fact]
    public async Task DispatchDue_ConnectionDropsMidBatch_RestOfBatchSentOverNewConnection()
    {
        transport.BreakAfterSends = 2;
        await EnqueueAsync(Enumerable.Range(1, 5).Select(i => Outbox.Message(i)).ToArray());

        Assert.Equal(5, await dispatcher.DispatchDueAsync(CancellationToken.None));

        // Two over the first connection, the third hits the drop (retried later), two over a new connection.
        var messages = await ReadAsync();
        Assert.Equal(4, messages.Count(m => m.Status == OutboxStatus.Sent));
        var dropped = Assert.Single(messages, m => m.Status == OutboxStatus.Pending);
        Assert.Equal("IOException: connection reset by peer", dropped.LastError);
        Assert.Equal(2, transport.SessionsOpened);
        Assert.Equal(2, transport.SessionsDisposed);
    }

    [Fact]
    public async Task DispatchDue_OneMessageFailsInBatch_OthersSentOverOneSession()
    {
        transport.SendFailure = m => m.To.Mailboxes.Single().Address == "customer2@example.com" ? new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, "4.2.1 try later") : null;
        await EnqueueAsync(Outbox.Message(1), Outbox.Message(2), Outbox.Message(3));

        Assert.Equal(3, await dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Equal(1, transport.SessionsOpened);
        Assert.Equal(["customer1@example.com", "customer3@example.com"], transport.Sent.Select(m => m.To.Mailboxes.Single().Address).Order());
        var messages = await ReadAsync();
        Assert.Equal(OutboxStatus.Pending, messages.Single(m => m.ToAddress == "customer2@example.com").Status);
        Assert.Equal(2, messages.Count(m => m.Status == OutboxStatus.Sent));
    }

    [Fact]
    public async Task DispatchDue_SentProtectedMessage_SecretDecryptedForSendingAndErasedAfter()
    {
        await EnqueueAsync(Outbox.Message(1, secret: true));
        var stored = await SingleAsync();
        Assert.DoesNotContain("secret-1", stored.TextBody);

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Contains("http://portal.test/t/secret-1", transport.Sent.Single().TextBody);
        var sent = await SingleAsync();
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(time.GetUtcNow(), sent.SentAt);
        Assert.Null(sent.HtmlBody);
        Assert.Null(sent.TextBody);
    }

    [Fact]
    public async Task DispatchDue_StoppedWhileConnecting_LeavesMessagesDueForTheNextProcess()
    {
        transport.BlockOpenUntilCancelled = true;
        await EnqueueAsync(Outbox.Message(1), Outbox.Message(2));
        using var stopping = new CancellationTokenSource();

        var dispatch = dispatcher.DispatchDueAsync(stopping.Token);
        await Poll.UntilAsync(() => Task.FromResult(transport.OpenCalls), n => n == 1, "the transport to be opened");
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatch);

        // A restarted app must be able to send them straight away, not after the claim timeout.
        transport.BlockOpenUntilCancelled = false;
        Assert.Equal(2, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(2, transport.Sent.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private async Task EnqueueAsync(params EmailMessage[] messages)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var outboxApi = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        foreach (var message in messages)
        {
            outboxApi.Add(db, message);
        }

        await db.SaveChangesAsync();
    }

    private async Task<List<OutboxMessage>> ReadAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
    }

    private async Task<OutboxMessage> SingleAsync() => (await ReadAsync()).Single();

    private sealed class ScriptedTransport : IEmailTransport
    {
        private int sessionsOpened;
        private int sessionsDisposed;
        private int openCalls;
        private int sendAttempts;

        /// <summary>Each session's connection drops after this many messages: later sends on it throw IOException.</summary>
        public int? BreakAfterSends { get; set; }

        public int SessionsDisposed => Volatile.Read(ref sessionsDisposed);

        public Func<Exception?>? OpenFailure { get; set; }

        public Func<MimeMessage, Exception?>? SendFailure { get; set; }

        public volatile bool BlockOpenUntilCancelled;

        public System.Collections.Concurrent.ConcurrentQueue<MimeMessage> Sent { get; } = new();

        public int SessionsOpened => Volatile.Read(ref sessionsOpened);

        public int OpenCalls => Volatile.Read(ref openCalls);

        public int SendAttempts => Volatile.Read(ref sendAttempts);

        public async Task<IEmailTransportSession> OpenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref openCalls);
            if (BlockOpenUntilCancelled)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (OpenFailure?.Invoke() is { } failure)
            {
                throw failure;
            }

            Interlocked.Increment(ref sessionsOpened);
            return new Session(this);
        }

        private sealed class Session(ScriptedTransport owner) : IEmailTransportSession
        {
            private int sent;

            public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner.sendAttempts);
                if (sent >= owner.BreakAfterSends)
                {
                    throw new IOException("connection reset by peer");
                }

                if (owner.SendFailure?.Invoke(message) is { } failure)
                {
                    throw failure;
                }

                sent++;
                owner.Sent.Enqueue(message);
                return Task.CompletedTask;
            }

            public ValueTask DisposeAsync()
            {
                Interlocked.Increment(ref owner.sessionsDisposed);
                return ValueTask.CompletedTask;
            }
        }
    }
}
