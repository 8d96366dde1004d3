using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using PortalApp.Features.Email;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Email;

/// <summary>The SMTP transport against a scripted MailKit client: what each server reply means for the message and for the connection.</summary>
public sealed class SmtpEmailTransportTests
{
    private readonly FakeSmtpServer server = new();
    private readonly SmtpEmailTransport transport;

    public SmtpEmailTransportTests()
    {
        var options = Options.Create(new EmailOptions { Smtp = new SmtpOptions { Host = "smtp.test", Port = 25 } });
        transport = new SmtpEmailTransport(options, NullLogger<SmtpEmailTransport>.Instance, server.NewClient);
    }

    [Fact]
    public async Task Send_ServerAccepts_SentAndConnectionReusedForTheNextMessage()
    {
        await using var session = transport.StartSession();

        Assert.Equal(SendResult.Sent, await session.SendAsync(Message(1), CancellationToken.None));
        Assert.Equal(SendResult.Sent, await session.SendAsync(Message(2), CancellationToken.None));

        Assert.Equal(1, server.Connects);
        Assert.Equal([1, 1], server.Accepted.Select(a => a.Connection));
        Assert.True(session.IsConnected);
    }

    [Theory]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy)]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.InsufficientStorage)]
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ErrorInProcessing)]
    public async Task Send_Server4xx_RetryLaterOverTheSameConnection(SmtpErrorCode error, SmtpStatusCode status)
    {
        server.Reply = (_, m) => m.Subject == "Message 1" ? new SmtpCommandException(error, status, "4.2.1 try again later") : null;
        await using var session = transport.StartSession();

        var result = await session.SendAsync(Message(1), CancellationToken.None);
        await session.SendAsync(Message(2), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Equal("SmtpCommandException: 4.2.1 try again later", result.Error);
        Assert.Equal(1, server.Connects);
    }

    [Theory]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable)]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.UserNotLocalTryAlternatePath)]
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed)]
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ExceededStorageAllocation)]
    public async Task Send_Server5xxForRecipientOrMessage_RejectedOverTheSameConnection(SmtpErrorCode error, SmtpStatusCode status)
    {
        server.Reply = (_, m) => m.Subject == "Message 1" ? new SmtpCommandException(error, status, "5.1.1 mailbox does not exist") : null;
        await using var session = transport.StartSession();

        var result = await session.SendAsync(Message(1), CancellationToken.None);
        var next = await session.SendAsync(Message(2), CancellationToken.None);

        Assert.Equal(SendOutcome.Rejected, result.Outcome);
        Assert.Equal(SendResult.Sent, next);
        Assert.Equal(1, server.Connects);
    }

    [Theory]
    [InlineData(SmtpStatusCode.AuthenticationRequired)]
    [InlineData(SmtpStatusCode.MailboxNameNotAllowed)]
    public async Task Send_Server5xxForSender_RetryLaterBecauseItIsThePortalsSetup(SmtpStatusCode status)
    {
        server.Reply = (_, _) => new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, status, "5.7.0 authentication required");
        await using var session = transport.StartSession();

        var result = await session.SendAsync(Message(1), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
    }

    [Fact]
    public async Task Send_Server421_RetryLaterAndTheNextMessageGoesOverANewConnection()
    {
        server.Reply = (connection, _) => connection == 1
            ? new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.ServiceNotAvailable, "4.3.2 shutting down")
            : null;
        await using var session = transport.StartSession();

        var result = await session.SendAsync(Message(1), CancellationToken.None);
        Assert.False(session.IsConnected);
        var next = await session.SendAsync(Message(2), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Equal(SendResult.Sent, next);
        Assert.Equal(2, server.Connects);
        Assert.Equal(1, server.Disposals);
    }

    [Fact]
    public async Task Send_ConnectionDropsMidBatch_RetryLaterWithoutAFreshRetryAndNextMessageReconnects()
    {
        server.Reply = (connection, m) => connection == 1 && m.Subject == "Message 2" ? new IOException("connection reset by peer") : null;
        await using var session = transport.StartSession();

        await session.SendAsync(Message(1), CancellationToken.None);
        var dropped = await session.SendAsync(Message(2), CancellationToken.None);
        var next = await session.SendAsync(Message(3), CancellationToken.None);

        Assert.Equal(new SendResult(SendOutcome.RetryLater, "IOException: connection reset by peer"), dropped);
        Assert.Equal(SendResult.Sent, next);
        Assert.Equal([(1, "Message 1"), (2, "Message 3")], server.Accepted.Select(a => (a.Connection, a.Message.Subject)));
    }

    [Fact]
    public async Task Send_ServerUnreachable_UnreachableAndClientDisposed()
    {
        server.RefuseConnection = () => new SocketException((int)SocketError.ConnectionRefused);
        await using var session = transport.StartSession();

        var result = await session.SendAsync(Message(1), CancellationToken.None);

        Assert.Equal(SendOutcome.Unreachable, result.Outcome);
        Assert.StartsWith("SocketException: ", result.Error, StringComparison.Ordinal);
        Assert.False(session.IsConnected);
        Assert.Equal(1, server.Disposals);
    }

    [Fact]
    public async Task Send_IdleConnectionDroppedByServer_SentOverAFreshConnectionWithoutFailing()
    {
        await using var session = transport.StartSession();
        await session.SendAsync(Message(1), CancellationToken.None);
        session.MarkIdle();
        server.Reply = (connection, _) => connection == 1 ? new IOException("connection reset by peer") : null;

        var result = await session.SendAsync(Message(2), CancellationToken.None);

        Assert.Equal(SendResult.Sent, result);
        Assert.Equal([(1, "Message 1"), (2, "Message 2")], server.Accepted.Select(a => (a.Connection, a.Message.Subject)));
        Assert.Equal(1, server.Disposals);
    }

    [Fact]
    public async Task Send_IdleConnectionDroppedAndServerGone_RetryLaterWithTheFreshAttemptsError()
    {
        await using var session = transport.StartSession();
        await session.SendAsync(Message(1), CancellationToken.None);
        session.MarkIdle();
        server.Reply = (_, _) => new IOException("connection reset by peer");
        server.RefuseConnection = () => new SocketException((int)SocketError.ConnectionRefused);

        var result = await session.SendAsync(Message(2), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.StartsWith("SocketException: ", result.Error, StringComparison.Ordinal);
        Assert.False(session.IsConnected);
    }

    [Fact]
    public async Task Send_Cancelled_ThrowsInsteadOfReportingAFailure()
    {
        await using var session = transport.StartSession();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.SendAsync(Message(1), cancelled.Token));
    }

    [Fact]
    public async Task Dispose_Connected_SaysQuitAndDisposesTheClient()
    {
        var session = transport.StartSession();
        await session.SendAsync(Message(1), CancellationToken.None);

        await session.DisposeAsync();

        Assert.Equal(1, server.Quits);
        Assert.Equal(1, server.Disposals);
    }

    private static MimeMessage Message(int number)
    {
        var message = new MimeMessage { Subject = $"Message {number}", Body = new TextPart("plain") { Text = "Hello" } };
        message.From.Add(new MailboxAddress("Customer Portal", "no-reply@portal.test"));
        message.To.Add(new MailboxAddress($"Customer {number}", $"customer{number}@example.com"));
        return message;
    }
}
