namespace PortalApp.Features.Account;

/// <summary>What the customer needs to add the account to an authenticator app.</summary>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri, string QrCodeDataUri);
