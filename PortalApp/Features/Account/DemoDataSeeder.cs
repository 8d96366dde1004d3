using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Platform.Hosting;

namespace PortalApp.Features.Account;

/// <summary>Creates the roles everywhere, and the documented demo accounts where <c>Seed:DemoData</c> is on.</summary>
internal sealed class DemoDataSeeder(
    RoleManager<IdentityRole> roles,
    UserManager<PortalUser> users,
    IOptions<SeedOptions> options,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger) : IPortalSeeder
{
    public const string DemoPassword = "Portal-Demo-2026!";

    public static readonly IReadOnlyList<(string Email, string FullName, string Role)> DemoAccounts =
    [
        ("customer@example.com", "Alex Morgan", PortalRoles.Customer),
        ("staff@example.com", "Sam Rivera", PortalRoles.Staff),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (options.Value.DemoData != true)
        {
            return;
        }

        foreach (var (email, fullName, role) in DemoAccounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, CreatedAt = time.GetUtcNow() };
            var result = await users.CreateAsync(user, DemoPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, role);
            logger.LogInformation("Created demo account {Email} ({Role}).", email, role);
        }
    }
}
