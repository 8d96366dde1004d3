using PortalApp.Features.Email;

namespace PortalApp.Features.Account.Templates;

/// <summary>Tells an existing customer that someone tried to register with their address.</summary>
public sealed record RegistrationAttemptEmail(string FullName)
    : IEmailModel<RegistrationAttemptEmail, RegistrationAttemptTemplate>
{
    public string Subject => "Someone tried to register with your email address";

    public string Kind => "registration-attempt";
}
