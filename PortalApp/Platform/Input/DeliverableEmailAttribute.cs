using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace PortalApp.Platform.Input;

/// <summary>
/// An address the mail library can actually send to. <see cref="EmailAddressAttribute"/> only looks for an "@",
/// so "a@[junk" passed the forms and then failed in the outbox, long after the customer was told it was sent.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DeliverableEmailAttribute() : ValidationAttribute("Enter a valid email address, like name@example.com.")
{
    public override bool IsValid(object? value) => value is not string text || text.Length == 0 || IsDeliverable(text);

    public static bool IsDeliverable(string text)
    {
        var trimmed = text.Trim();
        var at = trimmed.LastIndexOf('@');
        return at > 0 && at < trimmed.Length - 1
            && !trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')')
            && new EmailAddressAttribute().IsValid(trimmed)
            && MailboxAddress.TryParse(ParserOptions.Default, trimmed, out var mailbox)
            && string.Equals(mailbox.Address, trimmed, StringComparison.Ordinal)
            && mailbox.Domain.Contains('.', StringComparison.Ordinal)
            && !mailbox.Domain.StartsWith('.') && !mailbox.Domain.EndsWith('.');
    }
}
