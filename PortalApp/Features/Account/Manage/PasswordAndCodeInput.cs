using System.ComponentModel.DataAnnotations;
using PortalApp.Data;

namespace PortalApp.Features.Account.Manage;

/// <summary>Form model of the pages that take the password and, with two-factor authentication on, a current code.</summary>
public sealed class PasswordAndCodeInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [StringLength(PortalLimits.PasswordMaxLength, ErrorMessage = "That is too long to be your password.")]
    public string Password { get; set; } = "";

    [StringLength(64, ErrorMessage = "That is too long to be a code.")]
    public string Code { get; set; } = "";
}
