namespace PortalApp.Features.Passwords;

/// <summary>The stable rule ids the checklist, the browser tests and the Identity errors share.</summary>
public static class PasswordRuleIds
{
    public const string MinLength = "min-length";
    public const string Uppercase = "uppercase";
    public const string Digit = "digit";
    public const string Special = "special";
    public const string NotCommon = "not-common";
    public const string NotPersonal = "not-personal";
}
