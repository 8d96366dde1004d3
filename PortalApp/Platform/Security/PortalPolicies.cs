namespace PortalApp.Platform.Security;

/// <summary>Authorization policy names; the policies themselves are registered with Identity in the Account feature.</summary>
public static class PortalPolicies
{
    public const string Staff = "Staff";
}
