using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.Account;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

/// <summary>Authenticator codes checked by the app's own token provider against a fake clock.</summary>
public sealed class TotpAuthenticatorTests(FakeClockPortalAppFactory factory) : IClassFixture<FakeClockPortalAppFactory>
{
    [Fact]
    public void TokenProvider_Registered_IsTheTimeProviderOne()
    {
        using var scope = factory.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;
        var descriptor = options.Tokens.ProviderMap[options.Tokens.AuthenticatorTokenProvider];
        Assert.Equal(typeof(TimeProviderAuthenticatorTokenProvider), descriptor.ProviderType);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Verify_CodeWithinOneStepOfNow_Accepted(int stepOffset)
    {
        var (userId, key) = await NewUserWithKeyAsync();
        var code = TotpCodes.Compute(key, TotpCodes.StepAt(factory.Time.GetUtcNow()) + stepOffset);
        Assert.True(await VerifyAsync(userId, code));
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-10)]
    [InlineData(2)]
    public async Task Verify_CodeTwoOrMoreStepsAway_Refused(int stepOffset)
    {
        var (userId, key) = await NewUserWithKeyAsync();
        var code = TotpCodes.Compute(key, TotpCodes.StepAt(factory.Time.GetUtcNow()) + stepOffset);
        Assert.False(await VerifyAsync(userId, code));
    }

    [Fact]
    public async Task Verify_ClockMovesOnTwoSteps_EarlierCodeRefused()
    {
        var (userId, key) = await NewUserWithKeyAsync();
        var code = TotpCodes.Compute(key, factory.Time.GetUtcNow());
        factory.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.False(await VerifyAsync(userId, code));
        Assert.True(await VerifyAsync(userId, TotpCodes.Compute(key, factory.Time.GetUtcNow())));
    }

    [Fact]
    public async Task Verify_SameCodeTwice_SecondRefused()
    {
        var (userId, key) = await NewUserWithKeyAsync();
        var code = TotpCodes.Compute(key, factory.Time.GetUtcNow());
        Assert.True(await VerifyAsync(userId, code));
        Assert.False(await VerifyAsync(userId, code));
    }

    [Fact]
    public async Task Verify_CodeOfAStepBeforeTheLastUsedOne_Refused()
    {
        var (userId, key) = await NewUserWithKeyAsync();
        var now = TotpCodes.StepAt(factory.Time.GetUtcNow());
        Assert.True(await VerifyAsync(userId, TotpCodes.Compute(key, now + 1)));
        Assert.False(await VerifyAsync(userId, TotpCodes.Compute(key, now)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public async Task Verify_MalformedCode_Refused(string code)
    {
        var (userId, _) = await NewUserWithKeyAsync();
        Assert.False(await VerifyAsync(userId, code));
    }

    [Fact]
    public async Task Verify_CodeWithSpaceOrHyphen_Accepted()
    {
        var (userId, key) = await NewUserWithKeyAsync();
        var code = TotpCodes.Compute(key, factory.Time.GetUtcNow());
        Assert.True(await VerifyAsync(userId, code[..3] + " " + code[3..]));
    }

    private async Task<(string UserId, string Key)> NewUserWithKeyAsync()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var loaded = (await users.FindByIdAsync(user.Id))!;
        await users.ResetAuthenticatorKeyAsync(loaded);
        return (user.Id, (await users.GetAuthenticatorKeyAsync(loaded))!);
    }

    private async Task<bool> VerifyAsync(string userId, string code)
    {
        // A fresh scope per check, as each sign-in request has its own.
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
    }
}
