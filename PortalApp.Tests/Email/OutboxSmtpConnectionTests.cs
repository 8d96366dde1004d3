using System.Diagnostics;
using PortalApp.Features.Email;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Email;

/// <summary>The background dispatcher's SMTP connection against a real server on loopback: one per burst, kept across batches, replaced when dropped.</summary>
public sealed class OutboxSmtpConnectionTests(ITestOutputHelper output) : SmtpOutboxTestBase
{
    [Fact]
    public async Task Smtp_BatchOfMessages_SentOverOneConnection()
    {
        Smtp.Start();
        var factory = NewFactory();
        _ = factory.Services;
        var sessionsBefore = Smtp.SessionCount;

        var clock = Stopwatch.StartNew();
        await Outbox.EnqueueAsync(factory, Enumerable.Range(1, 20).Select(i => Outbox.Message(i)).ToArray());
        await Smtp.WaitForAsync(_ => true, count: 20);
        output.WriteLine($"20 messages delivered over SMTP in {clock.ElapsedMilliseconds} ms.");

        Assert.Equal(1, Smtp.DeliverySessionCount);
        Assert.Equal(1, Smtp.SessionCount - sessionsBefore);
    }

    [Fact]
    public async Task Smtp_MoreThanOneBatch_ConnectionKeptAcrossBatches()
    {
        Smtp.Start();
        var factory = NewFactory();
        factory.Settings["Email:Outbox:BatchSize"] = "10";
        _ = factory.Services;

        var clock = Stopwatch.StartNew();
        await Outbox.EnqueueAsync(factory, Enumerable.Range(1, 25).Select(i => Outbox.Message(i)).ToArray());
        await Smtp.WaitForAsync(_ => true, count: 25);
        output.WriteLine($"25 messages in batches of 10 delivered in {clock.ElapsedMilliseconds} ms.");

        Assert.Equal(1, Smtp.DeliverySessionCount);
        Assert.Equal(25, Smtp.Messages.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Smtp_NoIdleKeepAlive_OneConnectionPerBatch()
    {
        Smtp.Start();
        var factory = NewFactory();
        factory.Settings["Email:Outbox:BatchSize"] = "10";
        factory.Settings["Email:Outbox:SessionIdleTimeout"] = "00:00:00";
        _ = factory.Services;

        await Outbox.EnqueueAsync(factory, Enumerable.Range(1, 25).Select(i => Outbox.Message(i)).ToArray());
        await Smtp.WaitForAsync(_ => true, count: 25);

        Assert.Equal(3, Smtp.DeliverySessionCount);
    }

    [Fact]
    public async Task Smtp_KeptConnectionDroppedByServer_NextMessageDeliveredOnFirstAttempt()
    {
        Smtp.Start();
        var factory = NewFactory();
        factory.Settings["Email:Outbox:SessionIdleTimeout"] = "00:05:00";
        await Outbox.EnqueueAsync(factory, Outbox.Message(1));
        await Smtp.WaitForAsync(_ => true);
        await Outbox.WaitUntilAsync(factory, m => m.All(x => x.Status == OutboxStatus.Sent), "the first message marked sent");

        // The server restarts on the same port while the portal still holds the idle connection.
        await Smtp.StopAsync();
        Smtp.Start();
        await Outbox.EnqueueAsync(factory, Outbox.Message(2));

        await Smtp.WaitForAsync(m => m.Subject == "Test message 2");
        var second = (await Outbox.WaitUntilAsync(factory, m => m.Count == 2 && m.All(x => x.Status == OutboxStatus.Sent), "the second message marked sent"))
            .Single(m => m.ToAddress == "customer2@example.com");
        Assert.Equal(1, second.Attempts);
        Assert.Null(second.LastError);
    }
}
