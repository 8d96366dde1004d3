using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using PortalApp.Data;
using PortalApp.Platform.RateLimiting;
using PortalApp.Platform.Input;

namespace PortalApp.Features.Account;

/// <summary>Reads and saves the signed-in customer's profile and handles changes of email address.</summary>
internal sealed class AccountProfileService(
    UserManager<PortalUser> userManager,
    AccountEmails emails,
    AccountProofs proofs,
    AccountRateLimiter limiter,
    SecurityEvents events,
    ILogger<AccountProfileService> logger)
{
    public Task<PortalUser?> FindAsync(ClaimsPrincipal principal) => userManager.GetUserAsync(principal);

    public static ProfileInput ToInput(PortalUser user) => new()
    {
        FullName = user.FullName,
        PhoneNumber = user.PhoneNumber,
        TimeZoneId = user.TimeZoneId,
        Language = user.Language,
        SecurityNotificationsByEmail = user.SecurityNotificationsByEmail,
        ProductNewsByEmail = user.ProductNewsByEmail,
    };

    public async Task<IReadOnlyList<string>> SaveAsync(PortalUser user, ProfileInput input)
    {
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), errors, validateAllProperties: true))
        {
            return errors.Select(e => e.ErrorMessage ?? "Invalid value.").ToList();
        }

        user.FullName = input.FullName.Trim();
        // Set directly rather than with SetPhoneNumberAsync: the phone is contact data here, not a sign-in factor,
        // so changing it must not rotate the security stamp and sign the customer's other sessions out.
        var phone = string.IsNullOrWhiteSpace(input.PhoneNumber) ? null : input.PhoneNumber.Trim();
        if (phone != user.PhoneNumber)
        {
            user.PhoneNumber = phone;
            user.PhoneNumberConfirmed = false;
        }

        user.TimeZoneId = input.TimeZoneId;
        user.Language = input.Language;
        user.SecurityNotificationsByEmail = input.SecurityNotificationsByEmail;
        user.ProductNewsByEmail = input.ProductNewsByEmail;
        var result = await userManager.UpdateAsync(user);
        return result.Succeeded ? [] : result.Errors.Select(e => e.Description).ToList();
    }

    /// <summary>
    /// Sends a confirmation link to <paramref name="newEmail"/> once the password (and, with two-factor authentication
    /// on, a code) proves the customer is present: a stolen session alone must not move the account to another address.
    /// </summary>
    public async Task<EmailChangeOutcome> RequestEmailChangeAsync(PortalUser user, string newEmail, string? password, string? code, CancellationToken cancellationToken = default)
    {
        newEmail = newEmail.Trim();
        if (!DeliverableEmailAttribute.IsDeliverable(newEmail) || newEmail.Length > PortalLimits.EmailMaxLength)
        {
            return EmailChangeOutcome.Invalid;
        }

        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return EmailChangeOutcome.Unchanged;
        }

        // The budget first: a recovery code given as proof is used up, so it must not be spent on a refused request.
        if (!limiter.TryAcquire(AccountAction.ChangeEmail, user.Id))
        {
            logger.LogWarning("Email change limit reached for user {UserId}.", user.Id);
            return EmailChangeOutcome.TooManyRequests;
        }

        switch (await proofs.PasswordAndCodeAsync(user, password, code))
        {
            case ProofCheck.Waiting:
                return EmailChangeOutcome.Waiting;
            case ProofCheck.Wrong:
                return EmailChangeOutcome.WrongProof;
        }

        // Don't reveal that another account uses the address: same answer, but no link goes out.
        if (await userManager.FindByEmailAsync(newEmail) is null)
        {
            await emails.SendEmailChangeConfirmationAsync(user, newEmail, cancellationToken);
        }
        else
        {
            logger.LogInformation("User {UserId} asked to change to an address that belongs to another account.", user.Id);
        }

        await emails.SendSecurityNoticeAsync(user, SecurityNotice.EmailChangeRequested, cancellationToken: cancellationToken);
        return EmailChangeOutcome.ConfirmationSent;
    }

    public async Task<PortalUser?> ConfirmEmailChangeAsync(string userId, string newEmail, string code)
    {
        var user = await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }

        var oldEmail = user.Email;
        var changed = await userManager.ChangeEmailAsync(user, newEmail, token);
        if (!changed.Succeeded)
        {
            return null;
        }

        // The email is the user name here, so sign-in uses the new address from now on.
        var renamed = await userManager.SetUserNameAsync(user, newEmail);
        if (!renamed.Succeeded)
        {
            logger.LogError("Changed the email of {UserId} but not the user name: {Errors}", user.Id, string.Join(" ", renamed.Errors.Select(e => e.Code)));
        }

        await events.RecordAsync(user.Id, SecurityEventKind.EmailChanged);
        if (oldEmail is not null)
        {
            await emails.SendSecurityNoticeAsync(user, SecurityNotice.EmailChanged, oldEmail);
        }

        return user;
    }
}
