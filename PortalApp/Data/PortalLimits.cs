namespace PortalApp.Data;

/// <summary>Input limits shared by forms, validators and the database schema.</summary>
public static class PortalLimits
{
    public const int FullNameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PasswordMaxLength = 128;
    public const int PhoneNumberMaxLength = 32;
    public const int TimeZoneIdMaxLength = 64;
    public const int LanguageMaxLength = 16;
    public const string DefaultTimeZoneId = "UTC";
    public const string DefaultLanguage = "en";
}
