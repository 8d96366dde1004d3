using Microsoft.AspNetCore.Identity;
using PortalApp.Data;
using PortalApp.Features.Passwords;
using PortalApp.Platform.Clients;
using PortalApp.Platform.Input;
using PortalApp.Platform.RateLimiting;
using PortalApp.Platform.Security;

namespace PortalApp.Features.Account;

/// <summary>
/// Creates accounts. An address that already has an account gets the same answer as a new one and its owner
/// gets a notice instead, so the form never tells anyone which addresses are registered.
/// </summary>
internal sealed class RegistrationService(
    UserManager<PortalUser> userManager,
    AccountEmails emails,
    TimeProvider time,
    AccountRateLimiter limiter,
    ILogger<RegistrationService> logger)
{
    public static RegistrationResult TooManyAttempts { get; } = new(false, [AccountRateLimiting.TooManyAttemptsMessage]);

    public Task<RegistrationResult> RegisterAsync(string fullName, string email, string password, CancellationToken cancellationToken = default)
        => RegisterAsync(fullName, email, password, new ClientInfo(null, null), cancellationToken);

    public async Task<RegistrationResult> RegisterAsync(string fullName, string email, string password, ClientInfo client, CancellationToken cancellationToken = default)
    {
        // Before any lookup, keyed by address only: being limited says nothing about the account.
        if (!limiter.TryAcquire(AccountAction.Register, client))
        {
            logger.LogWarning("Registration rate limit reached for a client.");
            return TooManyAttempts;
        }

        // The page validates these too; the service holds on its own for anything that reaches it another way.
        fullName = fullName.Trim();
        email = email.Trim();
        var inputErrors = InputErrors(fullName, email, password);
        if (inputErrors.Count > 0)
        {
            return new RegistrationResult(false, inputErrors);
        }

        var candidate = new PortalUser { FullName = fullName, Email = email, UserName = email, CreatedAt = time.GetUtcNow() };

        var passwordErrors = await userManager.ValidateNewPasswordAsync(candidate, password);
        if (passwordErrors.Count > 0)
        {
            return new RegistrationResult(false, passwordErrors.Select(e => e.Description).Distinct().ToList());
        }

        var existing = await userManager.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Don't reveal that the account exists: spend the same hashing work, answer the same, tell the owner.
            _ = userManager.PasswordHasher.HashPassword(candidate, password);
            await emails.SendRegistrationAttemptAsync(existing, cancellationToken);
            logger.LogInformation("Registration attempted for an existing account {UserId}.", existing.Id);
            return RegistrationResult.Success;
        }

        var created = await userManager.CreateAsync(candidate, password);
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                // Lost a race with a concurrent registration for the same address (e.g. a double submit): same answer.
                return RegistrationResult.Success;
            }

            return new RegistrationResult(false, created.Errors.Select(e => e.Description).ToList());
        }

        await userManager.AddToRoleAsync(candidate, PortalRoles.Customer);
        await emails.SendEmailConfirmationAsync(candidate, cancellationToken);
        logger.LogInformation("Created account {UserId}; confirmation email queued.", candidate.Id);
        return RegistrationResult.Success;
    }

    private static List<string> InputErrors(string fullName, string email, string password)
    {
        var errors = new List<string>();
        var noControl = new NoControlCharactersAttribute();
        if (fullName.Length is 0 or > PortalLimits.FullNameMaxLength || !UnicodeText.IsWellFormed(fullName) || !noControl.IsValid(fullName))
        {
            errors.Add("Enter your full name (at most 100 characters, no line breaks or control characters).");
        }

        if (email.Length is 0 or > PortalLimits.EmailMaxLength || !UnicodeText.IsWellFormed(email) || !noControl.IsValid(email)
            || !DeliverableEmailAttribute.IsDeliverable(email))
        {
            errors.Add("Enter a valid email address, like name@example.com.");
        }

        if (!UnicodeText.IsWellFormed(password))
        {
            errors.Add("The password contains characters that can't be used.");
        }

        return errors;
    }
}
