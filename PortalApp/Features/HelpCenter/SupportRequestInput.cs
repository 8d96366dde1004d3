namespace PortalApp.Features.HelpCenter;

/// <summary>What a customer typed into the support form, after validation.</summary>
public sealed record SupportRequestInput(string Name, string Email, string Subject, HelpCategory Category, string Message);
