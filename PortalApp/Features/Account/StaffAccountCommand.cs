using System.Text;
using Microsoft.AspNetCore.Identity;
using PortalApp.Data;
using PortalApp.Platform.Hosting;
using PortalApp.Platform.Input;

namespace PortalApp.Features.Account;

/// <summary>
/// <c>dotnet run --project PortalApp -- create-staff --email ops@company.com [--name "Full Name"]</c>:
/// creates (or promotes) a staff account. The password is prompted for without echo, or read from
/// standard input when it is redirected (for automation).
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
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (!await users.IsInRoleAsync(existing, PortalRoles.Staff))
            {
                await users.AddToRoleAsync(existing, PortalRoles.Staff);
            }

            Console.WriteLine($"{email} already had an account; it now has the Staff role. Its password is unchanged.");
            return 0;
        }

        var password = ReadSecret("Password for the new staff account: ");
        if (!Console.IsInputRedirected && password != ReadSecret("Type it again: "))
        {
            Console.Error.WriteLine("The passwords don't match; nothing was created.");
            return 1;
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = string.IsNullOrWhiteSpace(name) ? email : name.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine("The account was not created:");
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine($"  - {error.Description}");
            }

            return 1;
        }

        await users.AddToRoleAsync(user, PortalRoles.Staff);
        Console.WriteLine($"Created staff account {email}. Sign in at /Account/Login.");
        return 0;
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
