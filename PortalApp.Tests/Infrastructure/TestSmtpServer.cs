using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PortalApp.Tests.Infrastructure;

/// <summary>A real SMTP server on loopback (the SmtpServer package) that keeps what it receives; can be stopped and restarted on the same port.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> messages = new();
    private readonly SemaphoreSlim arrived = new(0);
    private CancellationTokenSource? running;
    private Task? serverTask;
    private readonly ConcurrentQueue<Guid> deliverySessions = new();
    private int sessions;

    public TestSmtpServer(int? port = null)
    {
        Port = port ?? FreePort();
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => messages.ToArray();

    /// <summary>Messages to a recipient for which this returns true are refused with a permanent 554 ("5.1.1 Mailbox does not exist") after DATA.</summary>
    public Func<string, bool> RejectRecipient { get; set; } = _ => false;

    /// <summary>SMTP sessions (client connections) the server has accepted since it was created.</summary>
    public int SessionCount => Volatile.Read(ref sessions);

    /// <summary>How many distinct SMTP sessions carried the messages received so far.</summary>
    public int DeliverySessionCount => deliverySessions.Distinct().Count();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Start()
    {
        if (running is not null)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(builder => builder.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref sessions);
        running = new CancellationTokenSource();
        serverTask = server.StartAsync(running.Token);
        WaitUntilListening();
    }

    public async Task StopAsync()
    {
        if (running is null)
        {
            return;
        }

        await running.CancelAsync();
        try
        {
            await serverTask!;
        }
        catch (OperationCanceledException)
        {
        }

        running.Dispose();
        running = null;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages matching <paramref name="predicate"/> arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<MimeMessage, bool> predicate, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var matching = messages.Where(predicate).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Expected {count} matching email(s); got {matching.Count}. All subjects: {string.Join(" | ", messages.Select(m => $"{m.To}: {m.Subject}"))}");
            }

            await arrived.WaitAsync(left < TimeSpan.FromMilliseconds(500) ? left : TimeSpan.FromMilliseconds(500));
        }
    }

    public Task<MimeMessage> WaitForOneAsync(string to, string subjectContains, TimeSpan? timeout = null)
        => WaitForAsync(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)) && (m.Subject ?? "").Contains(subjectContains, StringComparison.OrdinalIgnoreCase), 1, timeout)
            .ContinueWith(t => t.Result[^1], TaskScheduler.Default);

    public async ValueTask DisposeAsync() => await StopAsync();

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }

        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (transaction.To.Any(to => owner.RejectRecipient($"{to.User}@{to.Host}")))
            {
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.1.1 Mailbox does not exist");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.deliverySessions.Enqueue(context.SessionId);
            owner.messages.Enqueue(message);
            owner.arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
