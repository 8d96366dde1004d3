using PortalApp.Features.Email;

namespace PortalApp.Features.Account.Templates;

/// <summary>Asks the customer to confirm the address they want to change to; sent to that new address.</summary>
public sealed record ConfirmNewAddressEmail(string FullName, string NewEmail, string ConfirmationLink)
    : IEmailModel<ConfirmNewAddressEmail, ConfirmNewAddressTemplate>
{
    public string Subject => "Confirm your new email address";

    public string Kind => "confirm-email-change";
}
