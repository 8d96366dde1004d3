using MimeKit;

namespace PortalApp.Features.Email;

public enum EmailTransportKind
{
    Smtp,
    Pickup,
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
