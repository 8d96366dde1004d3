using System.ComponentModel.DataAnnotations;
using PortalApp.Data;

namespace PortalApp.Features.Account.Manage;

/// <summary>Form model of the pages that ask for the password or a current authenticator code before an MFA change.</summary>
internal sealed class ProofInput
{
    [Required(ErrorMessage = "Enter your password or a code from your authenticator app.")]
    [StringLength(PortalLimits.PasswordMaxLength, ErrorMessage = "That is too long to be your password.")]
    public string Proof { get; set; } = "";
}
