namespace PortalApp.Features.HelpCenter;

public static class SupportRequestStatuses
{
    public static string Label(SupportRequestStatus status) => status switch
    {
        SupportRequestStatus.Open => "Open",
        SupportRequestStatus.InProgress => "In progress",
        SupportRequestStatus.WaitingOnCustomer => "Waiting on you",
        SupportRequestStatus.Resolved => "Resolved",
        SupportRequestStatus.Closed => "Closed",
        _ => status.ToString(),
    };
}
