namespace PortalApp.Features.Account;

public enum EmailChangeOutcome
{
    ConfirmationSent,
    Unchanged,
    Invalid,
    WrongProof,
    Waiting,
    TooManyRequests,
}
