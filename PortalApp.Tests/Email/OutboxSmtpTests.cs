using System.Diagnostics;
using MimeKit;
using PortalApp.Features.Email;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Email;

/// <summary>The outbox and its background dispatcher against a real SMTP server on loopback: delivery, retries, secrets.</summary>
public sealed class OutboxSmtpTests(ITestOutputHelper output) : SmtpOutboxTestBase
{
    [Fact]
    public async Task Smtp_QueuedMessage_DeliveredWithHtmlAndTextPartsAndRightHeaders()
    {
        Smtp.Start();
        var factory = NewFactory();

        await Outbox.EnqueueAsync(factory, Outbox.Message(1));

        var received = (await Smtp.WaitForAsync(_ => true)).Single();
        Assert.Equal("no-reply@portal.test", received.From.Mailboxes.Single().Address);
        Assert.Equal("Customer Portal", received.From.Mailboxes.Single().Name);
        var to = received.To.Mailboxes.Single();
        Assert.Equal("customer1@example.com", to.Address);
        Assert.Equal("Customer 1", to.Name);
        Assert.Equal("Test message 1", received.Subject);
        Assert.Contains("<p>Hello 1,", received.HtmlBody);
        Assert.Equal("Hello 1, http://portal.test/t/secret-1", received.TextBody?.Trim());
        Assert.IsType<MultipartAlternative>(received.Body);

        var stored = (await Outbox.WaitUntilAsync(factory, m => m.All(x => x.Status == OutboxStatus.Sent), "the message marked sent")).Single();
        Assert.Equal(1, stored.Attempts);
        Assert.NotNull(stored.SentAt);
        Assert.Null(stored.LastError);
    }

    [Fact]
    public async Task Smtp_ServerDownThenUp_EveryMessageDeliveredExactlyOnce()
    {
        var factory = NewFactory();
        var messages = Enumerable.Range(1, 5).Select(i => Outbox.Message(i)).ToArray();

        await Outbox.EnqueueAsync(factory, messages);

        var pending = await Outbox.WaitUntilAsync(factory, m => m.Count == 5 && m.All(x => x.Attempts >= 3), "three failed attempts each while the server is down");
        Assert.All(pending, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.NotNull(m.LastError);
            Assert.True(m.NextAttemptAt > m.CreatedAt + TimeSpan.FromMilliseconds(200), "a failed message is retried later, not immediately");
        });
        Assert.Empty(Smtp.Messages);

        Smtp.Start();
        var clock = Stopwatch.StartNew();
        var sent = await Outbox.WaitUntilAsync(factory, m => m.All(x => x.Status == OutboxStatus.Sent), "every message sent once the server is back");
        output.WriteLine($"5 messages delivered {clock.ElapsedMilliseconds} ms after the SMTP server came back.");

        Assert.Equal(5, Smtp.Messages.Count);
        Assert.Equal(
            messages.Select(m => m.ToAddress).Order(),
            Smtp.Messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(5, Smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.All(sent, m => Assert.True(m.Attempts >= 4));
    }

    [Fact]
    public async Task Smtp_RestartWithPendingMail_DeliversAfterRestart()
    {
        var databaseDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", "restart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(databaseDirectory);
        var connectionString = $"Data Source={Path.Combine(databaseDirectory, "portal.db")}";
        try
        {
            var first = NewFactory();
            first.Settings["ConnectionStrings:Portal"] = connectionString;
            await Outbox.EnqueueAsync(first, Outbox.Message(1, secret: true), Outbox.Message(2, secret: true), Outbox.Message(3));
            await Outbox.WaitUntilAsync(first, m => m.Count == 3 && m.All(x => x.Attempts >= 1), "a failed attempt while the server is down");
            await DisposeAppsAsync();

            Smtp.Start();
            var second = NewFactory();
            second.Settings["ConnectionStrings:Portal"] = connectionString;
            _ = second.Services;

            var received = await Smtp.WaitForAsync(_ => true, count: 3);
            await Outbox.WaitUntilAsync(second, m => m.Count == 3 && m.All(x => x.Status == OutboxStatus.Sent), "all three marked sent after the restart");
            Assert.Equal(3, Smtp.Messages.Count);
            Assert.Equal(["customer1@example.com", "customer2@example.com", "customer3@example.com"], received.Select(m => m.To.Mailboxes.Single().Address).Order());

            // The protected bodies were written by the first process and read by the second: the keys live in the database.
            Assert.Contains("http://portal.test/t/secret-1", received.Single(m => m.Subject == "Test message 1").TextBody);
        }
        finally
        {
            // The second app still polls the database; stopped first, it can't recreate files while they are deleted.
            await DisposeAppsAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(databaseDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Smtp_ProtectedBody_UnreadableAtRestAndErasedOnceSent()
    {
        var factory = NewFactory();
        await Outbox.EnqueueAsync(factory, Outbox.Message(1, secret: true), Outbox.Message(2, secret: false));

        var pending = await Outbox.WaitUntilAsync(factory, m => m.Count == 2 && m.All(x => x.Attempts >= 1), "a failed attempt while the server is down");
        var secret = pending.Single(m => m.ToAddress == "customer1@example.com");
        Assert.True(secret.IsProtected);
        Assert.DoesNotContain("secret-1", secret.HtmlBody);
        Assert.DoesNotContain("secret-1", secret.TextBody);
        Assert.DoesNotContain("Hello", secret.TextBody);
        Assert.Contains("secret-2", pending.Single(m => m.ToAddress == "customer2@example.com").TextBody);

        Smtp.Start();
        var delivered = await Smtp.WaitForOneAsync("customer1@example.com", "Test message 1");
        Assert.Contains("http://portal.test/t/secret-1", delivered.TextBody);
        Assert.Contains("http://portal.test/t/secret-1", delivered.HtmlBody);

        var sent = await Outbox.WaitUntilAsync(factory, m => m.All(x => x.Status == OutboxStatus.Sent), "both marked sent");
        var erased = sent.Single(m => m.ToAddress == "customer1@example.com");
        Assert.Null(erased.HtmlBody);
        Assert.Null(erased.TextBody);
        Assert.NotNull(sent.Single(m => m.ToAddress == "customer2@example.com").TextBody);
    }

    [Fact]
    public async Task Smtp_RecipientRefusedWith5xx_FailedAtOnceOthersDelivered()
    {
        Smtp.RejectRecipient = address => address == "bounce@example.com";
        Smtp.Start();
        var factory = NewFactory();
        factory.Settings["Email:Outbox:MaxAttempts"] = "3";

        await Outbox.EnqueueAsync(factory, Outbox.Message(1), Outbox.Message(2, secret: true, to: "bounce@example.com"), Outbox.Message(3));

        var final = await Outbox.WaitUntilAsync(factory, m => m.Count == 3 && m.All(x => x.Status != OutboxStatus.Pending), "every message settled");
        var failed = final.Single(m => m.ToAddress == "bounce@example.com");
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts); // a 5yz reply is permanent: no retries against MaxAttempts = 3
        Assert.Contains("Mailbox does not exist", failed.LastError ?? "", StringComparison.Ordinal);
        Assert.Null(failed.TextBody);
        Assert.Null(failed.HtmlBody);
        Assert.All(final.Where(m => m.ToAddress != "bounce@example.com"), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.Equal(2, Smtp.Messages.Count);
    }

    [Fact]
    public async Task Smtp_NameAndSubjectWithLineBreaks_NeverReachHeaders()
    {
        Smtp.Start();
        var factory = NewFactory();
        var hostile = new EmailMessage("customer@example.com", "Eve\r\nBcc: victim@example.com", "Hi\r\nBcc: victim2@example.com", "<p>x</p>", "x", "test", false);

        await Outbox.EnqueueAsync(factory, hostile);

        var received = (await Smtp.WaitForAsync(_ => true)).Single();
        Assert.Empty(received.Bcc);
        Assert.Empty(received.Cc);
        Assert.Equal("customer@example.com", received.To.Mailboxes.Single().Address);
        Assert.DoesNotContain("\n", received.To.Mailboxes.Single().Name, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", received.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(received.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
    }
}
