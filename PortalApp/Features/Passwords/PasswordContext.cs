namespace PortalApp.Features.Passwords;

/// <summary>Who the password is for: the not-personal rule and zxcvbn both use it.</summary>
public sealed record PasswordContext(string? FullName, string? Email)
{
    public static PasswordContext None { get; } = new(null, null);
}
