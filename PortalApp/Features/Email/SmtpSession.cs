using MailKit.Net.Smtp;
using MimeKit;

namespace PortalApp.Features.Email;

/// <summary>
/// One SMTP connection, reused for message after message until it fails; a failed connection is never reused, so
/// the next message goes over a new one. Knows which SMTP replies are final for a message and which are not.
/// </summary>
internal sealed class SmtpSession(Func<CancellationToken, Task<SmtpClient>> connect, ILogger logger) : IEmailTransportSession
{
    private SmtpClient? client;

    // The connection waited, idle, since an earlier batch: the server may have dropped it meanwhile.
    private bool idle;

    public bool IsConnected => client is not null;

    public void MarkIdle() => idle = client is not null;

    public async Task<SendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var wasIdle = idle;
        idle = false;
        if (client is null)
        {
            try
            {
                client = await connect(cancellationToken);
            }
            catch (Exception exception) when (!exception.IsCancellationOf(cancellationToken))
            {
                return SendResult.Unreachable(exception);
            }
        }

        var result = await SendOverConnectionAsync(client, message, cancellationToken);
        if (client is null && wasIdle)
        {
            // An idle connection's first failure earns the message one retry over a fresh connection before it
            // counts as an attempt.
            return await RetryOnFreshConnectionAsync(message, cancellationToken);
        }

        return result;
    }

    public async ValueTask DisposeAsync() => await CloseAsync();

    /// <summary>
    /// A 5yz refusal of this recipient or this message is permanent (RFC 5321 §4.2.1): sending it again cannot
    /// succeed. A 5yz refusal of the sender (authentication, relaying, quota) is about the portal's own setup and
    /// affects every message, so those keep being retried until the setup is fixed or MaxAttempts runs out.
    /// </summary>
    internal static SendResult Classify(Exception exception) => exception switch
    {
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } refusal
            when (int)refusal.StatusCode is >= 500 and < 600 => SendResult.Rejected(exception),
        _ => SendResult.Failed(exception),
    };

    /// <summary>
    /// The server answered this message with an error and the connection is still usable. 421 is the exception: the
    /// server is closing the channel (RFC 5321 §3.8).
    /// </summary>
    private static bool LeavesConnectionUsable(Exception exception) =>
        exception is SmtpCommandException { StatusCode: not SmtpStatusCode.ServiceNotAvailable };

    private async Task<SendResult> SendOverConnectionAsync(SmtpClient connection, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await connection.SendAsync(message, cancellationToken);
            return SendResult.Sent;
        }
        catch (Exception exception) when (!exception.IsCancellationOf(cancellationToken))
        {
            if (!LeavesConnectionUsable(exception))
            {
                // The connection is gone or being closed: never send over it again.
                await CloseAsync();
            }

            return Classify(exception);
        }
    }

    /// <summary>This attempt's result is the one that counts: the idle connection's error only said it had gone.</summary>
    private async Task<SendResult> RetryOnFreshConnectionAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        SendResult result;
        try
        {
            client = await connect(cancellationToken);
            result = await SendOverConnectionAsync(client, message, cancellationToken);
        }
        catch (Exception exception) when (!exception.IsCancellationOf(cancellationToken))
        {
            result = Classify(exception);
        }

        if (result.Outcome != SendOutcome.Sent)
        {
            logger.LogInformation("A kept mail connection had gone; the retry over a fresh one failed too ({Error}).", result.Error);
        }

        return result;
    }

    private async Task CloseAsync()
    {
        var closing = client;
        client = null;
        idle = false;
        if (closing is null)
        {
            return;
        }

        try
        {
            if (closing.IsConnected)
            {
                await closing.DisconnectAsync(quit: true);
            }
        }
        catch (Exception)
        {
            // The messages are already accounted for; a failed QUIT changes nothing.
        }
        finally
        {
            closing.Dispose();
        }
    }
}
