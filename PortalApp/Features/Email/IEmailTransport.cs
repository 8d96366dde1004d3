namespace PortalApp.Features.Email;

/// <summary>Delivers outbox messages: to an SMTP server, or as files into a pickup folder.</summary>
internal interface IEmailTransport
{
    /// <summary>Starts a session; it connects on its first send and may keep the connection for many messages.</summary>
    IEmailTransportSession StartSession();
}
