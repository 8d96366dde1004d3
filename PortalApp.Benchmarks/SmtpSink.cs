using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PortalApp.Benchmarks;

/// <summary>A loopback SMTP server (the SmtpServer package) that notes when each message arrived and over which session.</summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource running = new();
    private readonly ConcurrentQueue<Delivery> deliveries = new();
    private readonly ConcurrentDictionary<Guid, byte> sessions = new();
    private Task? serverTask;

    public SmtpSink()
    {
        Port = FreePort();
    }

    public int Port { get; }

    public IReadOnlyCollection<Delivery> Deliveries => deliveries.ToArray();

    public int Count => deliveries.Count;

    public int SessionCount => sessions.Count;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(builder => builder.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        serverTask = new SmtpServer.SmtpServer(options, services).StartAsync(running.Token);
    }

    public async Task WaitForCountAsync(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deliveries.Count < count)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Expected {count} emails, got {deliveries.Count} within {timeout}.");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await running.CancelAsync();
        try
        {
            if (serverTask is not null)
            {
                await serverTask;
            }
        }
        catch (OperationCanceledException)
        {
        }

        running.Dispose();
    }

    internal sealed record Delivery(long ArrivedAt, string To, string Subject, string TextBody);

    private sealed class Store(SmtpSink owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var arrived = Stopwatch.GetTimestamp();
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.sessions.TryAdd(context.SessionId, 0);
            foreach (var to in message.To.Mailboxes)
            {
                owner.deliveries.Enqueue(new Delivery(arrived, to.Address.ToLowerInvariant(), message.Subject ?? "", message.TextBody ?? ""));
            }

            return SmtpResponse.Ok;
        }
    }
}
