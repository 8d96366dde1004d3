using MimeKit;

namespace PortalApp.Features.Email;

/// <summary>A run of messages over one transport, reusing its connection for as long as the connection works.</summary>
internal interface IEmailTransportSession : IAsyncDisposable
{
    /// <summary>True while the session holds a connection worth keeping for a later batch.</summary>
    bool IsConnected { get; }

    /// <summary>Sends one message and says how it went; throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    Task<SendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <summary>Tells the session its connection now waits, idle, for a later batch; the server may drop it meanwhile.</summary>
    void MarkIdle();
}
