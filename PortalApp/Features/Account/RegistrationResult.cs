namespace PortalApp.Features.Account;

public sealed record RegistrationResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static RegistrationResult Success { get; } = new(true, []);
}
