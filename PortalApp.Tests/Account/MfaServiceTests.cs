using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.Account;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

public sealed class MfaServiceTests(FakeClockPortalAppFactory factory) : IClassFixture<FakeClockPortalAppFactory>
{
    [Fact]
    public async Task Enable_WrongCode_LeavesMfaOffWithoutCodes()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        await using var scope = factory.Services.CreateAsyncScope();
        var (mfa, users) = Resolve(scope);
        var loaded = (await users.FindByIdAsync(user.Id))!;
        await mfa.GetSetupAsync(loaded);

        Assert.Null(await mfa.EnableAsync(loaded, "000000"));
        Assert.False((await Reload(user.Id)).TwoFactorEnabled);
        Assert.Equal(0, await users.CountRecoveryCodesAsync(loaded));
    }

    [Fact]
    public async Task Enable_CurrentCode_TurnsOnWithTenCodesEventAndEmail()
    {
        var (user, codes) = await EnableMfaAsync();

        Assert.True((await Reload(user.Id)).TwoFactorEnabled);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        var kinds = await factory.WithDbAsync(db => db.SecurityEvents.Where(e => e.UserId == user.Id).Select(e => e.Kind).ToListAsync());
        Assert.Contains(SecurityEventKind.MfaEnabled, kinds);
        Assert.True(await OutboxHasAsync(user.Email!, "security-mfaenabled"));
    }

    [Fact]
    public async Task RecoveryCode_RedeemedTwice_SecondRefused()
    {
        var (user, codes) = await EnableMfaAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var (_, users) = Resolve(scope);
        var loaded = (await users.FindByIdAsync(user.Id))!;

        Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(loaded, codes[3])).Succeeded);
        Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(loaded, codes[3])).Succeeded);
        Assert.Equal(9, await users.CountRecoveryCodesAsync(loaded));
    }

    [Fact]
    public async Task RegenerateRecoveryCodes_OldCodes_StopWorking()
    {
        var (user, oldCodes) = await EnableMfaAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var (mfa, users) = Resolve(scope);
        var loaded = (await users.FindByIdAsync(user.Id))!;

        var newCodes = await mfa.RegenerateRecoveryCodesAsync(loaded);

        Assert.Empty(newCodes.Intersect(oldCodes));
        Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(loaded, oldCodes[0])).Succeeded);
        Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(loaded, newCodes[0])).Succeeded);
        Assert.True(await OutboxHasAsync(user.Email!, "security-recoverycodesregenerated"));
    }

    [Fact]
    public async Task VerifyPasswordOrCode_PasswordCodeOrNeither_AcceptsOnlyTheFirstTwo()
    {
        var (user, _) = await EnableMfaAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var (mfa, users) = Resolve(scope);
        var loaded = (await users.FindByIdAsync(user.Id))!;
        var key = (await users.GetAuthenticatorKeyAsync(loaded))!;

        var proofs = scope.ServiceProvider.GetRequiredService<AccountProofs>();

        Assert.Equal(ProofCheck.Accepted, await proofs.PasswordOrCodeAsync(loaded, TestUsers.Password));
        Assert.Equal(ProofCheck.Wrong, await proofs.PasswordOrCodeAsync(loaded, "wrong-password"));
        Assert.Equal(ProofCheck.Wrong, await proofs.PasswordOrCodeAsync(loaded, ""));
        Assert.Equal(ProofCheck.Accepted, await proofs.PasswordOrCodeAsync(loaded, TotpCodes.Compute(key, TotpCodes.StepAt(factory.Time.GetUtcNow()) + 1)));
        Assert.NotNull(mfa);
    }

    [Fact]
    public async Task Disable_AfterEnabling_TurnsOffAndEmails()
    {
        var (user, _) = await EnableMfaAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var (mfa, users) = Resolve(scope);
            await mfa.DisableAsync((await users.FindByIdAsync(user.Id))!);
        }

        Assert.False((await Reload(user.Id)).TwoFactorEnabled);
        Assert.True(await OutboxHasAsync(user.Email!, "security-mfadisabled"));
    }

    [Fact]
    public async Task ResetAuthenticator_Enabled_NewKeyOldCodeRefusedMfaOff()
    {
        var (user, _) = await EnableMfaAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var (mfa, users) = Resolve(scope);
        var loaded = (await users.FindByIdAsync(user.Id))!;
        var oldKey = (await users.GetAuthenticatorKeyAsync(loaded))!;

        await mfa.ResetAuthenticatorAsync(loaded);

        var fresh = await Reload(user.Id);
        Assert.False(fresh.TwoFactorEnabled);
        Assert.NotEqual(oldKey, await users.GetAuthenticatorKeyAsync(fresh));
        var oldKeyCode = TotpCodes.Compute(oldKey, TotpCodes.StepAt(factory.Time.GetUtcNow()) + 1);
        Assert.False(await users.VerifyTwoFactorTokenAsync(fresh, users.Options.Tokens.AuthenticatorTokenProvider, oldKeyCode));
        Assert.True(await OutboxHasAsync(user.Email!, "security-authenticatorreset"));
    }

    [Fact]
    public async Task ResetPassword_ValidToken_LeavesTwoFactorEnabled()
    {
        var (user, _) = await EnableMfaAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var (_, users) = Resolve(scope);
        var loaded = (await users.FindByIdAsync(user.Id))!;
        var token = await users.GeneratePasswordResetTokenAsync(loaded);

        var reset = await users.ResetPasswordAsync(loaded, token, "Brand-New-Pass-2027!");

        Assert.True(reset.Succeeded, string.Join(" ", reset.Errors.Select(e => e.Description)));
        var fresh = await Reload(user.Id);
        Assert.True(fresh.TwoFactorEnabled);
        Assert.NotNull(await users.GetAuthenticatorKeyAsync(fresh));
    }

    private async Task<(PortalUser User, IReadOnlyList<string> Codes)> EnableMfaAsync()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        await using var scope = factory.Services.CreateAsyncScope();
        var (mfa, users) = Resolve(scope);
        var loaded = (await users.FindByIdAsync(user.Id))!;
        await mfa.GetSetupAsync(loaded);
        var key = (await users.GetAuthenticatorKeyAsync(loaded))!;
        var codes = await mfa.EnableAsync(loaded, TotpCodes.Compute(key, factory.Time.GetUtcNow()));
        Assert.NotNull(codes);
        return (loaded, codes);
    }

    private static (MfaService Mfa, UserManager<PortalUser> Users) Resolve(AsyncServiceScope scope)
        => (scope.ServiceProvider.GetRequiredService<MfaService>(), scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());

    private async Task<PortalUser> Reload(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(userId))!;
    }

    private Task<bool> OutboxHasAsync(string to, string kind)
        => factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == to && m.Kind == kind));
}
