namespace PortalApp.Features.PasswordReset;

public enum ResetLinkState
{
    Valid,
    Expired,

    /// <summary>Used, superseded by a later password change, tampered with, or never issued.</summary>
    Invalid,
}
