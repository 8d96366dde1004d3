using PortalApp.Features.Email;

namespace PortalApp.Features.Account.Templates;

/// <summary>Asks a new customer to confirm their email address.</summary>
public sealed record ConfirmAddressEmail(string FullName, string ConfirmationLink)
    : IEmailModel<ConfirmAddressEmail, ConfirmAddressTemplate>
{
    public string Subject => "Confirm your email address";

    public string Kind => "confirm-email";
}
