using System.Text;
using Microsoft.AspNetCore.Identity;
using PortalApp.Data;
using PortalApp.Features.Passwords;
using PortalApp.Platform.Hosting;
using PortalApp.Platform.Input;

namespace PortalApp.Features.Account;

/// <summary>
/// <c>dotnet run --project PortalApp -- create-staff --email ops@company.com [--name "Full Name"]</c>:
/// creates a staff account, or promotes the existing account of that address. Either way the operator sets the
/// password: whoever registered the address first must not become staff with a password they chose. The password is
/// prompted for without echo, or read from standard input when it is redirected (for automation).
/// </summary>
internal static class StaffAccountCommand
{
    private const string Verb = "create-staff";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name") ?? "";
        if (email is null || !DeliverableEmailAttribute.IsDeliverable(email))
        {
            Console.Error.WriteLine($"Usage: dotnet run --project PortalApp -- {Verb} --email ops@company.com [--name \"Full Name\"]");
            return 2;
        }

        await app.InitializePortalDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var existing = await users.FindByEmailAsync(email);

        var password = ReadSecret(existing is null ? "Password for the new staff account: " : $"{email} already has an account. New password for it: ");
        if (!Console.IsInputRedirected && password != ReadSecret("Type it again: "))
        {
            Console.Error.WriteLine("The passwords don't match; nothing was changed.");
            return 1;
        }

        var user = existing ?? new PortalUser
        {
            UserName = email,
            Email = email,
            FullName = string.IsNullOrWhiteSpace(name) ? email : name.Trim(),
            CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        var errors = await users.ValidateNewPasswordAsync(user, password);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine(existing is null ? "The account was not created:" : "The account was not changed:");
            foreach (var error in errors)
            {
                Console.Error.WriteLine($"  - {error.Description}");
            }

            return 1;
        }

        return existing is null ? await CreateAsync(users, user, password) : await PromoteAsync(users, user, password);
    }

    private static async Task<int> CreateAsync(UserManager<PortalUser> users, PortalUser user, string password)
    {
        user.EmailConfirmed = true;
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, PortalRoles.Staff));
        Console.WriteLine($"Created staff account {user.Email}. Sign in at /Account/Login.");
        return 0;
    }

    /// <summary>
    /// Takes the account over for the operator: their password, the address counted as confirmed (they vouch for it),
    /// no second factor or recovery codes that someone else may hold, and every earlier session signed out.
    /// </summary>
    private static async Task<int> PromoteAsync(UserManager<PortalUser> users, PortalUser user, string password)
    {
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        user.EmailConfirmed = true;
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        _ = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        if (!await users.IsInRoleAsync(user, PortalRoles.Staff))
        {
            Check(await users.AddToRoleAsync(user, PortalRoles.Staff));
        }

        Console.WriteLine(
            $"{user.Email} already had an account. It now has the Staff role and the password you just typed; its address counts as confirmed, " +
            "two-factor authentication is off (set it up again after signing in), and every earlier session is signed out.");
        return 0;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Updating the account failed: " + string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string ReadSecret(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? "";
        }

        Console.Write(prompt);
        var secret = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return secret.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (secret.Length > 0)
                {
                    secret.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }
    }
}
