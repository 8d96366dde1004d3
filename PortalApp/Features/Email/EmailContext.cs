namespace PortalApp.Features.Email;

/// <summary>What every template knows about the portal: its name, support address and public base URL.</summary>
public sealed record EmailContext(string ProductName, string SupportEmail, Uri BaseUri);
