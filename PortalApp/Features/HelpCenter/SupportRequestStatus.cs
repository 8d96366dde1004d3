namespace PortalApp.Features.HelpCenter;

public enum SupportRequestStatus
{
    Open = 0,
    InProgress = 1,
    WaitingOnCustomer = 2,
    Resolved = 3,
    Closed = 4,
}
