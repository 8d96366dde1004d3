using Microsoft.EntityFrameworkCore;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.Account;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

/// <summary>
/// The passwords and codes the account pages ask for: wrong ones count toward the sign-in waits and are then not
/// checked at all, and the two changes that hand the account to someone else (its address, its authenticator) need
/// the password, plus a code when two-factor authentication is on.
/// </summary>
[Trait("Category", "Security")]
public sealed class AccountProofsTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task WrongProofsOnAccountPages_CountTowardTheSignInWaits_ThenEvenTheRightOneWaits()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ProofCheck.Wrong, await CheckAsync(user, (proofs, u) => proofs.PasswordAsync(u, "Wrong-Passw0rd!" + i)));
        }

        Assert.Equal(ProofCheck.Waiting, await CheckAsync(user, (proofs, u) => proofs.PasswordAsync(u, TestUsers.Password)));
        using var browser = PortalSignIn.AnonymousClient(factory);
        Assert.Equal(HttpStatusCode.OK, (await PortalSignIn.SubmitAsync(browser, user.Email!, TestUsers.Password)).StatusCode);
    }

    [Fact]
    public async Task DeleteAccountPage_WrongPasswordsThenWaiting_SaysSoAndKeepsTheAccount()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        using var client = await PortalSignIn.SignedInClientAsync(factory, user.Email!, TestUsers.Password);
        await CheckAsync(user, async (proofs, u) =>
        {
            for (var i = 0; i < 5; i++)
            {
                await proofs.PasswordAsync(u, "Wrong-Passw0rd!");
            }

            return ProofCheck.Wrong;
        });

        // This client signed in before, so its own wrong passwords are what hold it back: use them up too.
        for (var i = 0; i < 5; i++)
        {
            await StaticForm.SubmitAsync(client, "/Account/Manage/DeleteAccount", "delete-account", new Dictionary<string, string> { ["Input.Password"] = "Wrong-Passw0rd!" });
        }

        var response = await StaticForm.SubmitAsync(client, "/Account/Manage/DeleteAccount", "delete-account", new Dictionary<string, string> { ["Input.Password"] = TestUsers.Password });

        Assert.Contains(AccountProofs.WaitingMessage, string.Join(" ", StaticForm.Alerts(await response.Content.ReadAsStringAsync())));
        Assert.NotNull(await factory.WithDbAsync(db => db.Users.FindAsync(user.Id).AsTask()));
    }

    [Fact]
    public async Task EmailChange_WithoutTheRightPassword_SendsNothing()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        var target = $"takeover-{Guid.NewGuid():N}@example.com";

        var outcome = await RequestEmailChangeAsync(user, target, "", null);
        var wrong = await RequestEmailChangeAsync(user, target, "Wrong-Passw0rd!", null);

        Assert.Equal((EmailChangeOutcome.WrongProof, EmailChangeOutcome.WrongProof), (outcome, wrong));
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.OutboxMessages.Count(m => m.ToAddress == target))));
    }

    [Fact]
    public async Task EmailChange_UserLoadedInAnEarlierScope_WrongPasswordIsCountedWithoutError()
    {
        // The Email page loads the account in one scope (its first render) and submits in another (ScopedOperation).
        var user = await TestUsers.CreateAsync(factory.Services);
        PortalUser loadedEarlier;
        await using (var first = factory.Services.CreateAsyncScope())
        {
            loadedEarlier = (await first.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(user.Id))!;
        }

        await using var second = factory.Services.CreateAsyncScope();
        var outcome = await second.ServiceProvider.GetRequiredService<AccountProfileService>()
            .RequestEmailChangeAsync(loadedEarlier, $"detached-{Guid.NewGuid():N}@example.com", "Wrong-Passw0rd!", null);

        Assert.Equal(EmailChangeOutcome.WrongProof, outcome);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task EmailChange_WithTwoFactorOn_AlsoTakesACodeOrARecoveryCode()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        var recoveryCode = await TurnOnTwoFactorAsync(user);

        var passwordOnly = await RequestEmailChangeAsync(user, $"mfa-{Guid.NewGuid():N}@example.com", TestUsers.Password, null);
        var withRecoveryCode = await RequestEmailChangeAsync(user, $"mfa-{Guid.NewGuid():N}@example.com", TestUsers.Password, recoveryCode);
        var sameCodeAgain = await RequestEmailChangeAsync(user, $"mfa-{Guid.NewGuid():N}@example.com", TestUsers.Password, recoveryCode);

        Assert.Equal(EmailChangeOutcome.WrongProof, passwordOnly);
        Assert.Equal(EmailChangeOutcome.ConfirmationSent, withRecoveryCode);
        Assert.Equal(EmailChangeOutcome.WrongProof, sameCodeAgain);
    }

    [Fact]
    public async Task EmailChange_MoreThanThreeAnHour_IsRefusedWithoutSending()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        var outcomes = new List<EmailChangeOutcome>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add(await RequestEmailChangeAsync(user, $"many-{i}-{Guid.NewGuid():N}@example.com", TestUsers.Password, null));
        }

        Assert.Equal([.. Enumerable.Repeat(EmailChangeOutcome.ConfirmationSent, 3), EmailChangeOutcome.TooManyRequests, EmailChangeOutcome.TooManyRequests], outcomes);
    }

    [Fact]
    public async Task ProofPages_FieldsPostedAsTheBrowserSendsThem_AreTheOnesChecked()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        var recoveryCode = await TurnOnTwoFactorAsync(user);
        using var client = await SignInWithRecoveryCodeAsync(user, recoveryCode);

        var disable = await StaticForm.SubmitAsync(client, "/Account/Manage/DisableMfa", "disable-mfa", new Dictionary<string, string> { ["Input.Proof"] = TestUsers.Password });

        Assert.Contains("Two-factor authentication is off", await disable.Content.ReadAsStringAsync());
        var reset = await StaticForm.SubmitAsync(client, "/Account/Manage/ResetAuthenticator", "reset-authenticator", new Dictionary<string, string> { ["Input.Password"] = TestUsers.Password });
        Assert.Contains("Your authenticator key was reset", await reset.Content.ReadAsStringAsync());
    }

    private async Task<ProofCheck> CheckAsync(PortalUser user, Func<AccountProofs, PortalUser, Task<ProofCheck>> check)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var loaded = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(user.Id))!;
        return await check(scope.ServiceProvider.GetRequiredService<AccountProofs>(), loaded);
    }

    private async Task<EmailChangeOutcome> RequestEmailChangeAsync(PortalUser user, string newEmail, string? password, string? code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var loaded = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(user.Id))!;
        return await scope.ServiceProvider.GetRequiredService<AccountProfileService>().RequestEmailChangeAsync(loaded, newEmail, password, code);
    }

    private async Task<HttpClient> SignInWithRecoveryCodeAsync(PortalUser user, string recoveryCode)
    {
        var client = PortalSignIn.AnonymousClient(factory);
        var first = await PortalSignIn.SubmitAsync(client, user.Email!, TestUsers.Password);
        Assert.Contains("LoginWith2fa", first.Headers.Location!.ToString(), StringComparison.Ordinal);
        var second = await StaticForm.SubmitAsync(client, "/Account/LoginWithRecoveryCode", "login-recovery-code", new Dictionary<string, string> { ["Input.RecoveryCode"] = recoveryCode });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        return client;
    }

    private async Task<string> TurnOnTwoFactorAsync(PortalUser user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var loaded = (await users.FindByIdAsync(user.Id))!;
        await users.ResetAuthenticatorKeyAsync(loaded);
        await users.SetTwoFactorEnabledAsync(loaded, true);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(loaded, 3))!.First();
    }
}
