using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Scripts what an SMTP server does to MailKit's client, without a network: refused connections, replies, drops.</summary>
public sealed class FakeSmtpServer
{
    private int connects;
    private int quits;
    private int disposals;

    /// <summary>Thrown by every connection attempt while set (e.g. a <see cref="System.Net.Sockets.SocketException"/>).</summary>
    public Func<Exception>? RefuseConnection { get; set; }

    /// <summary>Decides each send: (connection number from 1, message) → the exception to throw, or null to accept it.</summary>
    public Func<int, MimeMessage, Exception?> Reply { get; set; } = (_, _) => null;

    public ConcurrentQueue<(int Connection, MimeMessage Message)> Accepted { get; } = new();

    public int Connects => Volatile.Read(ref connects);

    public int Quits => Volatile.Read(ref quits);

    public int Disposals => Volatile.Read(ref disposals);

    public SmtpClient NewClient() => new Client(this);

    private sealed class Client(FakeSmtpServer server) : SmtpClient
    {
        private int connection;

        public override bool IsConnected => connection > 0;

        public override Task ConnectAsync(string host, int port = 0, SecureSocketOptions options = SecureSocketOptions.Auto, CancellationToken cancellationToken = default)
        {
            if (server.RefuseConnection is { } refuse)
            {
                throw refuse();
            }

            connection = Interlocked.Increment(ref server.connects);
            return Task.CompletedTask;
        }

        public override Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken = default, ITransferProgress? progress = null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (server.Reply(connection, message) is { } failure)
            {
                throw failure;
            }

            server.Accepted.Enqueue((connection, message));
            return Task.FromResult("2.0.0 OK");
        }

        public override Task DisconnectAsync(bool quit, CancellationToken cancellationToken = default)
        {
            if (quit)
            {
                Interlocked.Increment(ref server.quits);
            }

            connection = 0;
            return Task.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            Interlocked.Increment(ref server.disposals);
            base.Dispose(disposing);
        }
    }
}
