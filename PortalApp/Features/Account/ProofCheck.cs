namespace PortalApp.Features.Account;

/// <summary>What came of checking a password or code an account page asked for.</summary>
public enum ProofCheck
{
    Accepted,
    Wrong,
    Waiting,
}
