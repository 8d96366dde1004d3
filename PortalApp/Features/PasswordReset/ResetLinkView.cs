namespace PortalApp.Features.PasswordReset;

/// <summary>What the reset page shows for a link; carries no secret beyond what the page already has.</summary>
public sealed record ResetLinkView(ResetLinkState State, string? Email, string? MaskedEmail, string? FullName);
