using MimeKit;

namespace PortalApp.Features.Email;

public enum EmailTransportKind
{
    Smtp,
    Pickup,
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailTransportKind Transport { get; set; } = EmailTransportKind.Smtp;

    /// <summary>Sender, e.g. <c>Customer Portal &lt;no-reply@example.com&gt;</c>.</summary>
    public string From { get; set; } = "";

    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    internal MailboxAddress FromAddress => MailboxAddress.Parse(From);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 50;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxAttempts { get; set; } = 10;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long the dispatcher keeps an idle SMTP connection open for the next message. Mail usually comes in
    /// bursts (a reset email every few milliseconds under load); reconnecting for each costs a TCP and SMTP
    /// handshake (plus TLS in production). Servers drop idle clients only after minutes (RFC 5321: 5 min).
    /// </summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed message stays reserved for one dispatcher before another may retry it.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

internal sealed class EmailOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<EmailOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out var from) || from.Address.IndexOf('@') < 1)
        {
            errors.Add("Email:From must be a sender address such as 'Customer Portal <no-reply@example.com>'.");
        }

        if (options.Transport == EmailTransportKind.Smtp)
        {
            if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            {
                errors.Add("Email:Smtp:Host is required when Email:Transport is Smtp (or set Email:Transport to Pickup).");
            }

            if (options.Smtp.Port is < 1 or > 65535)
            {
                errors.Add("Email:Smtp:Port must be between 1 and 65535.");
            }

            if (!string.IsNullOrEmpty(options.Smtp.UserName) && string.IsNullOrEmpty(options.Smtp.Password))
            {
                errors.Add("Email:Smtp:Password is required when Email:Smtp:UserName is set.");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            errors.Add("Email:PickupDirectory is required when Email:Transport is Pickup.");
        }

        if (options.Outbox.BatchSize < 1 || options.Outbox.MaxAttempts < 1 || options.Outbox.PollInterval <= TimeSpan.Zero)
        {
            errors.Add("Email:Outbox:BatchSize, MaxAttempts and PollInterval must be positive.");
        }

        if (options.Outbox.SessionIdleTimeout < TimeSpan.Zero)
        {
            errors.Add("Email:Outbox:SessionIdleTimeout must not be negative (0 closes the connection after every batch).");
        }

        return errors.Count == 0
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(errors);
    }
}
