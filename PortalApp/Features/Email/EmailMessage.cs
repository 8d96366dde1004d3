namespace PortalApp.Features.Email;

/// <summary>A rendered email ready for the outbox.</summary>
/// <param name="ContainsSecret">True when the body carries a token or link that must be protected at rest and erased once sent.</param>
public sealed record EmailMessage(
    string ToAddress,
    string ToName,
    string Subject,
    string HtmlBody,
    string TextBody,
    string Kind,
    bool ContainsSecret,
    string? CorrelationId = null);
