namespace PortalApp.Platform.Clients;

/// <summary>Where a requester comes from, as far as the request shows (never trusted for anything but records).</summary>
public sealed record ClientInfo(string? IpAddress, string? UserAgent)
{
    public const int IpMaxLength = 64;
    public const int UserAgentMaxLength = 512;

    public static ClientInfo From(HttpContext context) => new(
        Truncate(context.Connection.RemoteIpAddress?.ToString(), IpMaxLength),
        Truncate(context.Request.Headers.UserAgent.ToString(), UserAgentMaxLength));

    private static string? Truncate(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
