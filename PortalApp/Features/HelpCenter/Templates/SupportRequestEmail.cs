using PortalApp.Features.Email;

namespace PortalApp.Features.HelpCenter.Templates;

/// <summary>A customer's support request, forwarded to the support team.</summary>
public sealed record SupportRequestEmail(int RequestId, string Name, string Email, string RequestSubject, string CategoryName, string Message, bool SignedIn)
    : IEmailModel<SupportRequestEmail, SupportRequestTemplate>
{
    public string Subject => $"Support request #{RequestId}: {RequestSubject}";

    public string Kind => SupportRequests.EmailKind;
}
