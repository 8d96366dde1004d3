namespace PortalApp.Features.HelpCenter;

public enum HelpCategory
{
    GettingStarted = 0,
    AccountSecurity = 1,
    Billing = 2,
    Troubleshooting = 3,
}
