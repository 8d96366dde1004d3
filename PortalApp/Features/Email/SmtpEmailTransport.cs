using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace PortalApp.Features.Email;

/// <summary>Sends over SMTP with MailKit; each session keeps one connection for message after message.</summary>
/// <param name="newClient">Makes the MailKit client; tests pass one whose server replies they script.</param>
internal sealed class SmtpEmailTransport(
    IOptions<EmailOptions> options,
    ILogger<SmtpEmailTransport> logger,
    Func<SmtpClient>? newClient = null) : IEmailTransport
{
    public IEmailTransportSession StartSession() => new SmtpSession(ConnectAsync, logger);

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var client = newClient?.Invoke() ?? new SmtpClient();
        client.Timeout = (int)smtp.Timeout.TotalMilliseconds;
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
