namespace PortalApp.Features.Passwords;

public sealed record PasswordRuleResult(string Id, string Description, bool IsSatisfied);
