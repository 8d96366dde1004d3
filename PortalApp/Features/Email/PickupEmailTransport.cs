using Microsoft.Extensions.Options;
using MimeKit;

namespace PortalApp.Features.Email;

/// <summary>Writes each message as an .eml file, for Development and for systems that pick mail up from a folder.</summary>
internal sealed class PickupEmailTransport(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider time) : IEmailTransport
{
    public string Directory => ResolveDirectory(options.Value.PickupDirectory, environment.ContentRootPath);

    public static string ResolveDirectory(string configured, string contentRoot)
        => Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));

    public IEmailTransportSession StartSession() => new Session(Directory, time);

    /// <summary>A folder holds no connection, so there is nothing to keep between batches.</summary>
    private sealed class Session(string directory, TimeProvider time) : IEmailTransportSession
    {
        public bool IsConnected => false;

        public void MarkIdle()
        {
        }

        public async Task<SendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                System.IO.Directory.CreateDirectory(directory);
            }
            catch (Exception exception)
            {
                return SendResult.Unreachable(exception);
            }

            try
            {
                await WriteAsync(message, cancellationToken);
                return SendResult.Sent;
            }
            catch (Exception exception) when (!exception.IsCancellationOf(cancellationToken))
            {
                return SendResult.Failed(exception);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private async Task WriteAsync(MimeMessage message, CancellationToken cancellationToken)
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
    }
}
