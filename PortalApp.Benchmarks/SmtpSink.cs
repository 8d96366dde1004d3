using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace PortalApp.Benchmarks;

/// <summary>
/// A loopback SMTP sink that accepts everything, notes when each message arrived and over which session, and does
/// nothing else while the clock runs (messages are parsed only when read). It speaks just enough SMTP for MailKit:
/// EHLO with PIPELINING, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT.
/// </summary>
/// <remarks>
/// Hand-written on purpose: the <c>SmtpServer</c> package (used by the test suite, where speed does not matter)
/// costs 52–81 ms per message on loopback with no portal code involved, so with it figure 5 measured the sink,
/// not the portal. This one answers each command as soon as its line is complete, with Nagle off.
/// </remarks>
internal sealed class SmtpSink : IAsyncDisposable
{
    private static readonly byte[] Greeting = "220 localhost ESMTP benchmark sink\r\n"u8.ToArray();
    private static readonly byte[] Capabilities = "250-localhost\r\n250-PIPELINING\r\n250 8BITMIME\r\n"u8.ToArray();
    private static readonly byte[] Ok = "250 OK\r\n"u8.ToArray();
    private static readonly byte[] StartData = "354 End data with <CR><LF>.<CR><LF>\r\n"u8.ToArray();
    private static readonly byte[] Bye = "221 Bye\r\n"u8.ToArray();
    private static readonly byte[] Unknown = "502 Command not implemented\r\n"u8.ToArray();

    private readonly CancellationTokenSource running = new();
    private readonly ConcurrentQueue<Arrival> arrivals = new();
    private readonly TcpListener listener;
    private int sessions;
    private Task? acceptTask;

    public SmtpSink()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
    }

    public int Port { get; private set; }

    /// <summary>Every recipient of every message so far, parsed on demand.</summary>
    public IReadOnlyCollection<Delivery> Deliveries => arrivals.SelectMany(a => a.Parse()).ToArray();

    public int Count => arrivals.Sum(a => a.Recipients.Count);

    public int SessionCount => Volatile.Read(ref sessions);

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Start()
    {
        listener.Start(backlog: 128);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptTask = AcceptAsync(running.Token);
    }

    public async Task WaitForCountAsync(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (Count < count)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Expected {count} emails, got {Count} within {timeout}.");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await running.CancelAsync();
        listener.Stop();
        if (acceptTask is not null)
        {
            await acceptTask;
        }

        running.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket, cancellationToken), CancellationToken.None);
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref sessions);
        socket.NoDelay = true;
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = PipeReader.Create(stream);
        try
        {
            await stream.WriteAsync(Greeting, cancellationToken);
            var recipients = new List<string>();
            while (await ReadLineAsync(reader, cancellationToken) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await stream.WriteAsync(Capabilities, cancellationToken);
                        break;
                    case "MAIL" or "RSET":
                        recipients = [];
                        await stream.WriteAsync(Ok, cancellationToken);
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await stream.WriteAsync(Ok, cancellationToken);
                        break;
                    case "HELO" or "NOOP":
                        await stream.WriteAsync(Ok, cancellationToken);
                        break;
                    case "DATA":
                        await stream.WriteAsync(StartData, cancellationToken);
                        var content = await ReadDataAsync(reader, cancellationToken);
                        if (content is null)
                        {
                            return;
                        }

                        arrivals.Enqueue(new Arrival(Stopwatch.GetTimestamp(), recipients, content));
                        recipients = [];
                        await stream.WriteAsync(Ok, cancellationToken);
                        break;
                    case "QUIT":
                        await stream.WriteAsync(Bye, cancellationToken);
                        return;
                    default:
                        await stream.WriteAsync(Unknown, cancellationToken);
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException)
        {
            // The client went away or the sink is stopping; what arrived is recorded.
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    /// <summary>One line without its CR LF, or null when the connection closed.</summary>
    private static async Task<string?> ReadLineAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (TryTakeLine(ref buffer, out var line))
            {
                // Decode before advancing: the line's memory belongs to the reader once consumed.
                var text = Encoding.ASCII.GetString(line).TrimEnd('\r');
                reader.AdvanceTo(buffer.Start);
                return text;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return null;
            }
        }
    }

    /// <summary>The message after DATA up to the lone dot, dot-unstuffed, or null when the connection closed.</summary>
    private static async Task<byte[]?> ReadDataAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            while (TryTakeLine(ref buffer, out var line))
            {
                var bytes = line.ToArray();
                if (bytes is [(byte)'.', (byte)'\r'] or [(byte)'.'])
                {
                    reader.AdvanceTo(buffer.Start);
                    return content.ToArray();
                }

                var start = bytes is [(byte)'.', (byte)'.', ..] ? 1 : 0;
                content.Write(bytes, start, bytes.Length - start);
                content.WriteByte((byte)'\n');
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return null;
            }
        }
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var newline = buffer.PositionOf((byte)'\n');
        if (newline is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, newline.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
        return true;
    }

    private static string Address(string rcptLine)
    {
        var open = rcptLine.IndexOf('<', StringComparison.Ordinal);
        var close = rcptLine.IndexOf('>', StringComparison.Ordinal);
        return (open >= 0 && close > open ? rcptLine[(open + 1)..close] : rcptLine[8..].Trim()).ToLowerInvariant();
    }

    internal sealed record Delivery(long ArrivedAt, string To, string Subject, string TextBody);

    private sealed class Arrival(long arrivedAt, List<string> recipients, byte[] content)
    {
        private IReadOnlyList<Delivery>? parsed;

        public IReadOnlyList<string> Recipients => recipients;

        public IReadOnlyList<Delivery> Parse()
        {
            if (parsed is null)
            {
                using var stream = new MemoryStream(content);
                var message = MimeMessage.Load(stream);
                parsed = recipients.Select(to => new Delivery(arrivedAt, to, message.Subject ?? "", message.TextBody ?? "")).ToList();
            }

            return parsed;
        }
    }
}
