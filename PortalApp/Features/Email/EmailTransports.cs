using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PortalApp.Features.Email;

/// <summary>Delivers messages; a session is one connection reused for a whole batch.</summary>
public interface IEmailTransport
{
    Task<IEmailTransportSession> OpenAsync(CancellationToken cancellationToken);
}

public interface IEmailTransportSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

internal sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task<IEmailTransportSession> OpenAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            var security = smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            };
            await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client) : IEmailTransportSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
            => await client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception)
            {
                // The messages are already accounted for; a failed QUIT changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}

/// <summary>Writes each message as an .eml file, for Development and for systems that pick mail up from a folder.</summary>
internal sealed class PickupEmailTransport(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider time) : IEmailTransport
{
    public string Directory => ResolveDirectory(options.Value.PickupDirectory, environment.ContentRootPath);

    public static string ResolveDirectory(string configured, string contentRoot)
        => Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));

    public Task<IEmailTransportSession> OpenAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Task.FromResult<IEmailTransportSession>(new Session(Directory, time));
    }

    private sealed class Session(string directory, TimeProvider time) : IEmailTransportSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            // Write to a temporary name first so a reader never sees a half-written file.
            var name = $"{time.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
            var temporary = Path.Combine(directory, name + ".tmp");
            await using (var stream = File.Create(temporary))
            {
                await message.WriteToAsync(stream, cancellationToken);
            }

            File.Move(temporary, Path.Combine(directory, name));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
