using PortalApp.Platform.Clients;

namespace PortalApp.Features.PasswordReset;

public static class ResetLimits
{
    public const int EmailMaxLength = 254;
    public const int IpMaxLength = ClientInfo.IpMaxLength;
    public const int UserAgentMaxLength = ClientInfo.UserAgentMaxLength;
    public const int DetailMaxLength = 200;
}
