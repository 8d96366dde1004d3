using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PortalApp.Data;
using PortalApp.Features.Account;
using PortalApp.Features.Passwords;
using PortalApp.Platform.Hosting;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Passwords;

/// <summary>The server enforces the policy itself: a client that skips the checklist gets nowhere.</summary>
public sealed class PasswordPolicyRegisterTests : IClassFixture<PortalAppFactory>
{
    private const string NotCommon = "Not an easily guessable password (like \"password123\")";
    private readonly PortalAppFactory factory;

    public PasswordPolicyRegisterTests(PortalAppFactory factory)
    {
        this.factory = factory;
        _ = factory.Server;
    }

    [Theory]
    [InlineData("Password123!")]
    [InlineData("P@ssw0rd1!")]
    [InlineData("Qwerty!Qwerty1")]
    public async Task RegisterAsync_CommonPasswordMeetingTheOtherRules_RefusedByNameAndNothingCreated(string password)
    {
        var email = $"common-{Guid.NewGuid():N}@example.com";

        var result = await RegisterAsync("Pat Doe", email, password);

        Assert.False(result.Succeeded);
        Assert.Equal([NotCommon], result.Errors);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task RegisterAsync_SeveralUnmetRules_NamesEachUnmetRule()
    {
        var email = $"weak-{Guid.NewGuid():N}@example.com";

        var result = await RegisterAsync("Pat Doe", email, "patdoe");

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["At least 8 characters", "At least 1 uppercase letter", "At least 1 number", "At least 1 special character", NotCommon, "Doesn't contain your name or email"],
            result.Errors);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task RegisterAsync_PasswordWithTheTypedName_RefusedAsPersonal()
    {
        var result = await RegisterAsync("Jordan Blake", $"jb-{Guid.NewGuid():N}@example.com", "Harbor-Blake-7781");

        Assert.Equal(["Doesn't contain your name or email"], result.Errors);
    }

    [Fact]
    public async Task RegisterAsync_PasswordMeetingEveryRule_CreatesTheAccount()
    {
        var email = $"ok-{Guid.NewGuid():N}@example.com";

        var result = await RegisterAsync("Pat Doe", email, "Blue-Harbor-7781");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task UserManager_CreateAndChangeBypassingTheForm_RefuseWithRuleIds()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        var created = await users.CreateAsync(new PortalUser { UserName = "bypass@example.com", Email = "bypass@example.com", FullName = "By Pass" }, "P@ssw0rd1");
        Assert.Contains(created.Errors, e => e.Code == PasswordRuleIds.NotCommon && e.Description == NotCommon);
        Assert.Null(await users.FindByEmailAsync("bypass@example.com"));

        var customer = await users.FindByEmailAsync("customer@example.com");
        var changed = await users.ChangePasswordAsync(customer!, DemoDataSeeder.DemoPassword, "password123");
        Assert.False(changed.Succeeded);
        Assert.True(await users.CheckPasswordAsync(customer!, DemoDataSeeder.DemoPassword));
    }

    [Fact]
    public async Task UserManager_TooLongPassword_RefusedNamingTheLimit()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        var created = await users.CreateAsync(new PortalUser { UserName = "long@example.com", Email = "long@example.com", FullName = "Lo Ng" }, "Blue-Harbor-7781" + new string('q', 113));

        Assert.Equal(["Use at most 128 characters (this one has 129)."], created.Errors.Select(e => e.Description));
    }

    [Fact]
    public void Identity_PasswordValidation_OnlyThePolicyWithBuiltInOptionsOff()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var password = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.Password;

        Assert.Equal([typeof(PasswordPolicyValidator)], users.PasswordValidators.Select(v => v.GetType()));
        Assert.False(password.RequireDigit || password.RequireUppercase || password.RequireNonAlphanumeric || password.RequireLowercase);
        Assert.True(password.RequiredLength <= 1);
    }

    private async Task<RegistrationResult> RegisterAsync(string fullName, string email, string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(fullName, email, password);
    }
}
