using Microsoft.AspNetCore.Identity;
using PortalApp.Data;

namespace PortalApp.Features.Passwords;

/// <summary>
/// Identity's side of the policy: CreateAsync, ResetPasswordAsync, ChangePasswordAsync and AddPasswordAsync refuse
/// exactly the rules the checklist shows as unmet, with the same wording (the error code is the rule id).
/// </summary>
internal sealed class PasswordPolicyValidator(PasswordPolicy policy) : IPasswordValidator<PortalUser>
{
    public const string TooLongCode = "too-long";

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        password ??= "";
        var evaluation = policy.Evaluate(password, new PasswordContext(user.FullName, user.Email ?? user.UserName));
        var errors = evaluation.Rules
            .Where(r => !r.IsSatisfied)
            .Select(r => new IdentityError { Code = r.Id, Description = r.Description })
            .ToList();
        if (evaluation.IsTooLong)
        {
            errors.Add(new IdentityError { Code = TooLongCode, Description = PasswordPolicy.TooLongMessage(evaluation.MaxLength, evaluation.Length) });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
