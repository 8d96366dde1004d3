namespace PortalApp.Features.Email;

/// <summary>An email template rendered to HTML (CSS inlined) and to plain text.</summary>
public sealed record RenderedEmail(string Html, string Text);
