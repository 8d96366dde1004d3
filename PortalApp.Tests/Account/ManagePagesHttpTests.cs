using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.Account;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

/// <summary>The static account pages over HTTP, with stamps re-checked on every request so sign-outs show at once.</summary>
public sealed class ManagePagesHttpTests : IDisposable
{
    private readonly PortalAppFactory factory = new();

    public ManagePagesHttpTests()
    {
        factory.Settings["Account:SessionRevalidationInterval"] = "00:00:00.001";
    }

    [Fact]
    public async Task ManagePage_Anonymous_RedirectsToLogin()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/Account/Manage/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_Valid_ThisSessionStaysOtherSignedOutNoticeQueued()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        using var here = await SignedInClientAsync(user.Email!, TestUsers.Password);
        using var elsewhere = await SignedInClientAsync(user.Email!, TestUsers.Password);

        var response = await StaticForm.SubmitAsync(here, "/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestUsers.Password,
            ["Input.NewPassword"] = "Copper-Meadow-Violet-2027!",
            ["Input.ConfirmPassword"] = "Copper-Meadow-Violet-2027!",
        });

        Assert.Contains("Your password was changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await IsSignedInAsync(here));
        Assert.False(await IsSignedInAsync(elsewhere));
        Assert.True(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == user.Email && m.Kind == "security-passwordchanged")));
        Assert.True(await factory.WithDbAsync(db => db.SecurityEvents.AnyAsync(e => e.UserId == user.Id && e.Kind == SecurityEventKind.PasswordChanged)));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ShowsErrorKeepsPassword()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        using var client = await SignedInClientAsync(user.Email!, TestUsers.Password);

        var response = await StaticForm.SubmitAsync(client, "/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Not-The-Password-1!",
            ["Input.NewPassword"] = "Copper-Meadow-Violet-2027!",
            ["Input.ConfirmPassword"] = "Copper-Meadow-Violet-2027!",
        });

        Assert.Contains("The current password is incorrect.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = await SignedInClientAsync(user.Email!, TestUsers.Password);
        Assert.True(await IsSignedInAsync(again));
    }

    [Fact]
    public async Task ChangePassword_EmptySubmit_NamesEachMissingFieldAndKeepsPassword()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        using var client = await SignedInClientAsync(user.Email!, TestUsers.Password);

        var response = await StaticForm.SubmitAsync(client, "/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "",
            ["Input.NewPassword"] = "",
            ["Input.ConfirmPassword"] = "",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your current password.", html, StringComparison.Ordinal);
        Assert.Contains("Choose a new password.", html, StringComparison.Ordinal);
        Assert.Contains("Type the new password again.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Your password was changed", html, StringComparison.Ordinal);
        using var again = await SignedInClientAsync(user.Email!, TestUsers.Password);
        Assert.True(await IsSignedInAsync(again));
    }

    [Fact]
    public async Task SignIn_MfaOn_RecoveryCodeWorksOnceThroughThePages()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        var codes = await TurnOnMfaAsync(user.Id);

        using var first = factory.CreateClient();
        await PortalSignIn.SubmitAsync(first, user.Email!, TestUsers.Password);
        Assert.False(await IsSignedInAsync(first));
        var used = await StaticForm.SubmitAsync(first, "/Account/LoginWithRecoveryCode", "login-recovery-code", new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.True(await IsSignedInAsync(first));

        using var second = factory.CreateClient();
        await PortalSignIn.SubmitAsync(second, user.Email!, TestUsers.Password);
        var reused = await StaticForm.SubmitAsync(second, "/Account/LoginWithRecoveryCode", "login-recovery-code", new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });
        Assert.Contains("isn&#x27;t valid", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await IsSignedInAsync(second));
    }

    [Fact]
    public async Task SignIn_MfaOnWithRememberBrowser_NextSignInSkipsTheCode()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        await TurnOnMfaAsync(user.Id);
        var key = await AuthenticatorKeyAsync(user.Id);
        using var client = factory.CreateClient();

        await PortalSignIn.SubmitAsync(client, user.Email!, TestUsers.Password);
        Assert.False(await IsSignedInAsync(client));
        var wrong = await StaticForm.SubmitAsync(client, "/Account/LoginWith2fa?rememberMe=False", "login-2fa", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Contains("That code isn&#x27;t right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await StaticForm.SubmitAsync(client, "/Account/LoginWith2fa?rememberMe=False", "login-2fa", new Dictionary<string, string>
        {
            ["Input.Code"] = TotpCodes.Compute(key, DateTimeOffset.UtcNow),
            ["Input.RememberBrowser"] = "true",
        });
        Assert.True(await IsSignedInAsync(client));

        await SignOutAsync(client);
        Assert.False(await IsSignedInAsync(client));
        await PortalSignIn.SubmitAsync(client, user.Email!, TestUsers.Password);
        Assert.True(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task LoginWith2fa_WithoutPasswordStep_RedirectsToLogin()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/Account/LoginWith2fa");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalData_PostWithoutAntiforgeryToken_Rejected()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        using var client = await SignedInClientAsync(user.Email!, TestUsers.Password);
        var response = await client.PostAsync("/Account/Manage/PersonalData", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PersonalData_PostFromPrivacyPage_ReturnsJsonWithProfileButNoSecrets()
    {
        var user = await TestUsers.CreateAsync(factory.Services, fullName: "Dana Export");
        await TurnOnMfaAsync(user.Id);
        using var client = await SignedInClientAsync(user.Email!, TestUsers.Password, withRecoveryCodeFor: user.Id);

        var response = await StaticForm.SubmitToAsync(client, "/Account/Manage/Privacy", "Account/Manage/PersonalData");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"FullName\": \"Dana Export\"", json, StringComparison.Ordinal);
        Assert.Contains("SignedInWithRecoveryCode", json, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", json, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var key = await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id))!);
        Assert.DoesNotContain(key!, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAccount_RightPassword_DeletesAndSignsOut()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        using var client = await SignedInClientAsync(user.Email!, TestUsers.Password);

        var wrong = await StaticForm.SubmitAsync(client, "/Account/Manage/DeleteAccount", "delete-account", new Dictionary<string, string> { ["Input.Password"] = "Wrong-Password-1!" });
        Assert.Contains("isn&#x27;t right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id)));

        var response = await StaticForm.SubmitAsync(client, "/Account/Manage/DeleteAccount", "delete-account", new Dictionary<string, string> { ["Input.Password"] = TestUsers.Password });

        Assert.Contains("Your account was deleted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id)));
        Assert.False(await IsSignedInAsync(client));
    }

    public void Dispose() => factory.Dispose();

    private async Task<HttpClient> SignedInClientAsync(string email, string password, string? withRecoveryCodeFor = null)
    {
        var client = factory.CreateClient();
        await PortalSignIn.SubmitAsync(client, email, password);
        if (withRecoveryCodeFor is not null)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var code = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(withRecoveryCodeFor))!, 10))!.First();
            await StaticForm.SubmitAsync(client, "/Account/LoginWithRecoveryCode", "login-recovery-code", new Dictionary<string, string> { ["Input.RecoveryCode"] = code });
        }

        Assert.True(await IsSignedInAsync(client), "Expected the sign-in to succeed.");
        return client;
    }

    private static async Task<bool> IsSignedInAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Account/Manage/ChangePassword");
        return html.Contains("data-testid=\"signed-in-user\"", StringComparison.Ordinal);
    }

    private static Task SignOutAsync(HttpClient client)
        => StaticForm.SubmitToAsync(client, "/Account/Manage/ChangePassword", "Account/Logout");

    private async Task<string> AuthenticatorKeyAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(userId))!))!;
    }

    private async Task<IReadOnlyList<string>> TurnOnMfaAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
    }
}
