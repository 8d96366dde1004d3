using System.Globalization;
using PortalApp.Platform.Input;

namespace PortalApp.Features.HelpCenter;

/// <summary>
/// The staff page's reply link. The stored address and subject are data, never link syntax: each part is
/// percent-encoded, so a <c>?</c>, <c>&amp;</c>, <c>%0A</c>, <c>cc=</c> or a second address in them cannot add a
/// recipient or a header (RFC 6068). An address that is not one deliverable mailbox gets no link at all.
/// </summary>
public static class SupportReplyLink
{
    public static string? For(SupportRequestView request)
    {
        var email = request.Email;
        if (email != email.Trim() || !DeliverableEmailAttribute.IsDeliverable(email))
        {
            return null;
        }

        var at = email.LastIndexOf('@');
        var to = Uri.EscapeDataString(email[..at]) + "@" + Uri.EscapeDataString(email[(at + 1)..]);
        var subject = string.Create(CultureInfo.InvariantCulture, $"Re: Support request #{request.Id}: {request.Subject}");
        var oneLine = new string(subject.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return $"mailto:{to}?subject={Uri.EscapeDataString(oneLine)}";
    }
}
