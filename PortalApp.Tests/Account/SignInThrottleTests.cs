using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PortalApp.Features.Account;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

/// <summary>
/// Wrong passwords slow an account down instead of locking it: the answer during a wait is the one an unknown address
/// gets, the customer's own browser is never held back, waits grow and end, and the owner is told once.
/// </summary>
[Trait("Category", "Security")]
public sealed class SignInThrottleTests : IDisposable
{
    private const string WrongPassword = "Wrong-Passw0rd!";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly PortalAppFactory factory;

    public SignInThrottleTests()
    {
        factory = new PortalAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(time) };
        factory.Settings["RateLimiting:SignIn:PermitLimit"] = "1000";
    }

    [Fact]
    public void WaitAfter_FreeAttemptsThenDoublingToTheCap()
    {
        var options = new AccountOptions();

        var waits = Enumerable.Range(1, 12).Select(n => AccountThrottle.WaitAfter(n, options).TotalSeconds).ToList();

        Assert.Equal([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900], waits);
        Assert.Equal(options.LockoutDuration, AccountThrottle.WaitAfter(int.MaxValue, options));
    }

    [Fact]
    public void WaitAfter_FirstWaitAsLongAsTheCap_NeverOverflows()
    {
        var options = new AccountOptions { FirstSignInWait = TimeSpan.FromDays(1), LockoutDuration = TimeSpan.FromDays(1) };

        Assert.All(new[] { 5, 35, 40, 1_000, int.MaxValue }, n => Assert.Equal(TimeSpan.FromDays(1), AccountThrottle.WaitAfter(n, options)));
    }

    [Fact]
    public async Task ConcurrentWrongPasswords_EachCountedAndNoneFails()
    {
        const string email = "throttle-burst@example.com";
        await TestUsers.CreateAsync(factory.Services, email);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var client = PortalSignIn.AnonymousClient(factory);
            using var response = await PortalSignIn.SubmitAsync(client, email, WrongPassword + i);
            return response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        var stored = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email)));
        Assert.True(stored.AccessFailedCount >= 5, $"counted {stored.AccessFailedCount}");
        Assert.True(stored.LockoutEnd > time.GetUtcNow());
    }

    [Fact]
    public async Task KnownBrowser_ReplayingItsOriginalCookie_DoesNotRestoreTheExemption()
    {
        const string email = "throttle-replay@example.com";
        await TestUsers.CreateAsync(factory.Services, email);
        string deviceCookie;
        using (var device = PortalSignIn.AnonymousClient(factory))
        {
            var signedIn = await PortalSignIn.SubmitAsync(device, email, TestUsers.Password);
            deviceCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(KnownDevices.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
            await FailAsync(device, email, 6);
        }

        using var replay = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await replay.GetAsync("/Account/Login");
        var antiforgery = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
                ["Input.Email"] = email,
                ["Input.Password"] = TestUsers.Password,
            }),
        };
        request.Headers.Add("Cookie", $"{antiforgery}; {deviceCookie}");

        var answer = await replay.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task WrongRecoveryCodes_CountTowardTheWaitsAndTheOwnerIsEmailedOnce()
    {
        const string email = "throttle-recovery@example.com";
        var user = await TestUsers.CreateAsync(factory.Services, email);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalApp.Data.PortalUser>>();
            var loaded = (await users.FindByIdAsync(user.Id))!;
            await users.ResetAuthenticatorKeyAsync(loaded);
            await users.SetTwoFactorEnabledAsync(loaded, true);
        }

        using var client = PortalSignIn.AnonymousClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalSignIn.SubmitAsync(client, email, TestUsers.Password)).StatusCode);
        for (var i = 0; i < 8; i++)
        {
            using var wrong = await StaticForm.SubmitAsync(client, "/Account/LoginWithRecoveryCode", "login-recovery-code", new Dictionary<string, string> { ["Input.RecoveryCode"] = $"WRONG-{i:00000}" });
        }

        var stored = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email)));
        Assert.True(stored.AccessFailedCount >= 5, $"counted {stored.AccessFailedCount}");
        Assert.Single(Mail.ReadPickup(factory.PickupDirectory), m => (m.Subject ?? "").Contains("wrong passwords", StringComparison.Ordinal) && m.To.ToString().Contains(email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccountInAWait_RightPasswordFromANewBrowser_AnswersExactlyLikeAnUnknownAddressUntilTheWaitEnds()
    {
        const string email = "throttle-wait@example.com";
        await TestUsers.CreateAsync(factory.Services, email);
        using var stranger = PortalSignIn.AnonymousClient(factory);
        await FailAsync(stranger, email, 5);

        using var customer = PortalSignIn.AnonymousClient(factory);
        var right = await PortalSignIn.SubmitAsync(customer, email, TestUsers.Password);
        var unknown = await PortalSignIn.SubmitAsync(customer, "throttle-nobody@example.com", TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(unknown.StatusCode, right.StatusCode);
        Assert.Equal(StaticForm.Alerts(await unknown.Content.ReadAsStringAsync()), StaticForm.Alerts(await right.Content.ReadAsStringAsync()));
        Assert.StartsWith(SignInService.FailedMessage, Assert.Single(StaticForm.Alerts(await unknown.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("portal.auth=", StringComparison.Ordinal)));

        time.Advance(TimeSpan.FromSeconds(31));
        var later = await PortalSignIn.SubmitAsync(customer, email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task StrangerGuessing_DoesNotKeepOutABrowserThatSignedInBefore()
    {
        const string email = "throttle-known@example.com";
        await TestUsers.CreateAsync(factory.Services, email);
        using var customer = await PortalSignIn.SignedInClientAsync(factory, email, TestUsers.Password);

        using var stranger = PortalSignIn.AnonymousClient(factory);
        await FailAsync(stranger, email, 12);
        var strangerRight = await PortalSignIn.SubmitAsync(stranger, email, TestUsers.Password);
        var customerRight = await PortalSignIn.SubmitAsync(customer, email, TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, strangerRight.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, customerRight.StatusCode);
    }

    [Fact]
    public async Task KnownBrowser_WrongPasswordsUseUpItsExemption()
    {
        const string email = "throttle-stolen-device@example.com";
        await TestUsers.CreateAsync(factory.Services, email);
        using var device = await PortalSignIn.SignedInClientAsync(factory, email, TestUsers.Password);

        await FailAsync(device, email, 6);
        var right = await PortalSignIn.SubmitAsync(device, email, TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Waits_OwnerIsEmailedOnceAndSeesItInTheActivity()
    {
        const string email = "throttle-notice@example.com";
        await TestUsers.CreateAsync(factory.Services, email);
        using var stranger = PortalSignIn.AnonymousClient(factory);

        await FailAsync(stranger, email, 4);
        Assert.DoesNotContain(Mail.ReadPickup(factory.PickupDirectory), m => (m.Subject ?? "").Contains("wrong passwords", StringComparison.Ordinal));
        await FailAsync(stranger, email, 1);
        time.Advance(TimeSpan.FromMinutes(1));
        await FailAsync(stranger, email, 1);

        var notices = Mail.ReadPickup(factory.PickupDirectory).Where(m => (m.Subject ?? "").Contains("wrong passwords", StringComparison.Ordinal)).ToList();
        Assert.Equal(email, Assert.Single(notices).To.Mailboxes.Single().Address);
        var events = await factory.WithDbAsync(db => Task.FromResult(db.SecurityEvents.Where(e => e.Kind == SecurityEventKind.SignInSlowed).Count()));
        Assert.Equal(1, events);
    }

    public void Dispose() => factory.Dispose();

    private static async Task FailAsync(HttpClient client, string email, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await PortalSignIn.SubmitAsync(client, email, WrongPassword + i);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
