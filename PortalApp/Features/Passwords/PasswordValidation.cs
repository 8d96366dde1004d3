using Microsoft.AspNetCore.Identity;
using PortalApp.Data;

namespace PortalApp.Features.Passwords;

public static class PasswordValidation
{
    /// <summary>
    /// Runs every password validator Identity has (the portal's policy) without changing anything, so a flow can
    /// refuse a password before it spends a link or creates an account.
    /// </summary>
    public static async Task<IReadOnlyList<IdentityError>> ValidateNewPasswordAsync(this UserManager<PortalUser> users, PortalUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }

        return errors.DistinctBy(e => e.Code).ToList();
    }
}
