using System.Collections.Concurrent;
using MimeKit;
using PortalApp.Features.Email;

namespace PortalApp.Tests.Infrastructure;

/// <summary>A transport whose every answer the test decides; it counts what it was asked and keeps what it sent.</summary>
internal sealed class ScriptedTransport : IEmailTransport
{
    private int sessionsStarted;
    private int sessionsDisposed;
    private int sendCalls;
    private int idleMarks;

    /// <summary>The answer to each message; by default every message is sent.</summary>
    public Func<MimeMessage, SendResult> Answer { get; set; } = _ => SendResult.Sent;

    /// <summary>Runs inside each send, before it answers: to look at the outbox mid-send, or to block until cancelled.</summary>
    public Func<MimeMessage, CancellationToken, Task>? WhileSending { get; set; }

    public ConcurrentQueue<MimeMessage> Sent { get; } = new();

    public int SessionsStarted => Volatile.Read(ref sessionsStarted);

    public int SessionsDisposed => Volatile.Read(ref sessionsDisposed);

    public int SendCalls => Volatile.Read(ref sendCalls);

    public int IdleMarks => Volatile.Read(ref idleMarks);

    public IEmailTransportSession StartSession()
    {
        Interlocked.Increment(ref sessionsStarted);
        return new Session(this);
    }

    public static Task BlockUntilCancelled(MimeMessage message, CancellationToken cancellationToken)
        => Task.Delay(Timeout.Infinite, cancellationToken);

    public Task WaitForSendCallsAsync(int count)
        => Poll.UntilAsync(() => Task.FromResult(SendCalls), n => n >= count, $"{count} send(s) to begin");

    public Task WaitForSentAsync(int count)
        => Poll.UntilAsync(() => Task.FromResult(Sent.Count), n => n >= count, $"{count} message(s) to be sent");

    private sealed class Session(ScriptedTransport owner) : IEmailTransportSession
    {
        public bool IsConnected { get; private set; }

        public void MarkIdle() => Interlocked.Increment(ref owner.idleMarks);

        public async Task<SendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner.sendCalls);
            if (owner.WhileSending is { } whileSending)
            {
                await whileSending(message, cancellationToken);
            }

            var answer = owner.Answer(message);
            IsConnected = answer.Outcome != SendOutcome.Unreachable;
            if (answer.Outcome == SendOutcome.Sent)
            {
                owner.Sent.Enqueue(message);
            }

            return answer;
        }

        public ValueTask DisposeAsync()
        {
            Interlocked.Increment(ref owner.sessionsDisposed);
            return ValueTask.CompletedTask;
        }
    }
}
