using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;

namespace PortalApp.Tests.Infrastructure;

public static class Accounts
{
    public const string Password = "Quartz-Lantern-4817!";

    /// <summary>Creates a customer account straight through Identity (no email), confirmed unless told otherwise.</summary>
    public static async Task<PortalUser> CreateAsync(PortalAppFactory factory, string email, string fullName = "Jamie Test", bool confirmed = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, FullName = fullName, EmailConfirmed = confirmed, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, PortalRoles.Customer);
        return user;
    }

    public static async Task<PortalUser?> FindAsync(PortalAppFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
    }
}
