using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Customer accounts made straight through Identity (no email sent), all with <see cref="Password"/>.</summary>
public static class TestUsers
{
    public const string Password = "Quartz-Lantern-4817!";

    /// <summary>
    /// Creates a customer, confirmed unless told otherwise. Without an <paramref name="email"/> the address is unique,
    /// so tests sharing an app don't share state.
    /// </summary>
    public static async Task<PortalUser> CreateAsync(IServiceProvider services, string? email = null, string fullName = "Test Customer", bool confirmed = true)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var user = new PortalUser { UserName = email, Email = email, FullName = fullName, EmailConfirmed = confirmed, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, PortalRoles.Customer);
        return user;
    }

    public static async Task<PortalUser?> FindAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
    }
}
