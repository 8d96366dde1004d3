using Microsoft.Extensions.Options;
using MimeKit;
using PortalApp.Platform.Hosting;
using PortalApp.Platform.Retention;

namespace PortalApp.Features.Email;

internal sealed class EmailOptionsValidator(IHostEnvironment environment, IOptions<PortalOptions> portal) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out var from) || from.Address.IndexOf('@') < 1)
        {
            errors.Add("Email:From must be a sender address such as 'Customer Portal <no-reply@example.com>'.");
        }

        if (options.Transport == EmailTransportKind.Smtp)
        {
            AddSmtpErrors(options.Smtp, TransportSecurity.IsRequired(environment, portal.Value), errors);
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

        if (RetentionSweeps.PeriodProblem("Email:Outbox:RetentionPeriod", options.Outbox.RetentionPeriod, 30) is { } retention)
        {
            errors.Add(retention);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void AddSmtpErrors(SmtpOptions smtp, bool requireTls, List<string> errors)
    {
        if (requireTls && smtp.Security is not (SmtpSecurity.StartTls or SmtpSecurity.SslOnConnect))
        {
            errors.Add($"Email:Smtp:Security must be StartTls or SslOnConnect outside Development (Auto falls back to plain text when STARTTLS is stripped); got {smtp.Security}. {TransportSecurity.OptOutHint}");
        }

        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            errors.Add("Email:Smtp:Host is required when Email:Transport is Smtp (or set Email:Transport to Pickup).");
        }

        if (smtp.Port is < 1 or > 65535)
        {
            errors.Add("Email:Smtp:Port must be between 1 and 65535.");
        }

        if (!string.IsNullOrEmpty(smtp.UserName) && string.IsNullOrEmpty(smtp.Password))
        {
            errors.Add("Email:Smtp:Password is required when Email:Smtp:UserName is set.");
        }
    }
}
