using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;

namespace PortalApp.Tests.Infrastructure;

public static class TestUsers
{
    public const string Password = Accounts.Password;

    /// <summary>A confirmed customer with a unique address, so tests sharing an app don't share state.</summary>
    public static async Task<PortalUser> CreateAsync(IServiceProvider services, string? fullName = null)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName ?? "Test Customer" };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, PortalRoles.Customer);
        return user;
    }
}
