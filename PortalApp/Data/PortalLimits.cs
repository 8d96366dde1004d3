namespace PortalApp.Data;

/// <summary>Input limits shared by forms, validators and the database schema.</summary>
public static class PortalLimits
{
    public const int FullNameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PasswordMaxLength = 128;
}
