namespace PortalApp.Data;

public static class PortalRoles
{
    public const string Customer = "Customer";
    public const string Staff = "Staff";

    public static readonly IReadOnlyList<string> All = [Customer, Staff];
}
