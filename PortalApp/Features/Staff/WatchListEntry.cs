namespace PortalApp.Features.Staff;

public enum WatchKind
{
    Account,
    IpAddress,
}

/// <summary>An address or IP address with enough requests in the range to deserve a look.</summary>
public sealed record WatchListEntry(WatchKind Kind, string Value, int Requests);
