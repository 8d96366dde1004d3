using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.PasswordReset;

/// <summary>The reset link's lifecycle against the real Identity stack and a real SQLite file, with time under test control.</summary>
public sealed class ResetTokenLifecycleTests : IDisposable
{
    private const string NewPassword = "Harbor-Lantern-Quartz-92";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero));
    private readonly PortalAppFactory factory;

    public ResetTokenLifecycleTests()
    {
        factory = new PortalAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(time) };
        _ = factory.Services;
    }

    [Fact]
    public async Task Link_At59Minutes59Seconds_IsValid()
    {
        var token = await IssueAsync("customer@example.com");
        time.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(59));
        Assert.Equal(ResetLinkState.Valid, (await CheckAsync(token)).State);
    }

    [Fact]
    public async Task Link_At60Minutes01Second_IsExpiredAndRefused()
    {
        var token = await IssueAsync("customer@example.com");
        time.Advance(TimeSpan.FromMinutes(60) + TimeSpan.FromSeconds(1));
        Assert.Equal(ResetLinkState.Expired, (await CheckAsync(token)).State);
        var result = await CompleteAsync(token);
        Assert.Equal(ResetOutcome.Expired, result.Outcome);
    }

    [Fact]
    public async Task Link_OpenedTwice_IsNotConsumedByOpening()
    {
        var token = await IssueAsync("customer@example.com");
        await OpenAsync(token);
        await OpenAsync(token);
        Assert.Equal(ResetOutcome.Completed, (await CompleteAsync(token)).Outcome);
    }

    [Fact]
    public async Task Link_UsedOnce_IsRefusedTheSecondTime()
    {
        var token = await IssueAsync("customer@example.com");
        Assert.Equal(ResetOutcome.Completed, (await CompleteAsync(token)).Outcome);
        Assert.Equal(ResetOutcome.Invalid, (await CompleteAsync(token, "Other-Harbor-Quartz-93")).Outcome);
        Assert.True(await PasswordIsAsync("customer@example.com", NewPassword));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(-1)]
    public async Task Link_Tampered_IsInvalid(int position)
    {
        var token = await IssueAsync("customer@example.com");
        var index = position < 0 ? token.Length + position : position;
        var tampered = token[..index] + (token[index] == 'A' ? 'B' : 'A') + token[(index + 1)..];
        Assert.Equal(ResetLinkState.Invalid, (await CheckAsync(tampered)).State);
        Assert.Equal(ResetOutcome.Invalid, (await CompleteAsync(tampered)).Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("....")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.")]
    [InlineData("\u0000\r\n<script>")]
    public async Task Link_Garbage_IsInvalid(string garbage)
    {
        Assert.Equal(ResetLinkState.Invalid, (await CheckAsync(garbage)).State);
        Assert.Equal(ResetOutcome.Invalid, (await CompleteAsync(garbage)).Outcome);
    }

    [Fact]
    public async Task Link_Truncated_IsInvalid()
    {
        var token = await IssueAsync("customer@example.com");
        Assert.Equal(ResetLinkState.Invalid, (await CheckAsync(token[..^3])).State);
    }

    [Fact]
    public async Task Link_ForAnotherUser_IsRefusedByIdentity()
    {
        var token = await IssueAsync("customer@example.com");
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var staff = await users.FindByEmailAsync("staff@example.com");
        var result = await users.ResetPasswordAsync(staff!, token, NewPassword);
        Assert.False(result.Succeeded);
        Assert.Equal(ResetLinkState.Valid, (await CheckAsync(token)).State);
    }

    [Fact]
    public async Task Link_AfterSecurityStampChange_IsInvalid()
    {
        var token = await IssueAsync("customer@example.com");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("customer@example.com"))!);
        }

        Assert.Equal(ResetLinkState.Invalid, (await CheckAsync(token)).State);
    }

    [Fact]
    public async Task Link_AfterAnotherLinkWasUsed_IsInvalid()
    {
        var first = await IssueAsync("customer@example.com");
        var second = await IssueAsync("customer@example.com");
        Assert.Equal(ResetOutcome.Completed, (await CompleteAsync(second)).Outcome);
        Assert.Equal(ResetLinkState.Invalid, (await CheckAsync(first)).State);
    }

    [Fact]
    public async Task Link_AfterANewerLinkWasIssued_IsRefusedAndOnlyTheNewestWorks()
    {
        var first = await IssueAsync("customer@example.com");
        await OpenAsync(first);
        var second = await IssueAsync("customer@example.com");

        Assert.Equal(ResetLinkState.Invalid, (await CheckAsync(first)).State);
        Assert.Equal(ResetOutcome.Invalid, (await CompleteAsync(first)).Outcome);
        Assert.Equal(ResetLinkState.Invalid, (await OpenAsync(first)).State);
        Assert.Equal(ResetOutcome.Completed, (await CompleteAsync(second)).Outcome);

        // Staff see why the first link stopped working, and the attempts with it afterwards.
        var firstId = RequestId(first);
        Assert.Equal(ResetRequestStatus.Replaced, (await factory.WithDbAsync(db => db.ResetRequests.AsNoTracking().SingleAsync(r => r.Id == firstId))).Status);
        Assert.Equal(
            [ResetActivityType.Requested, ResetActivityType.LinkOpened, ResetActivityType.LinkReplaced, ResetActivityType.InvalidLink, ResetActivityType.InvalidLink],
            await factory.WithDbAsync(db => db.ResetActivityEvents.Where(e => e.RequestId == firstId).OrderBy(e => e.Id).Select(e => e.Type).ToListAsync()));
    }

    [Fact]
    public async Task Issue_RetiresEarlierLinksInTheCallersSave_NeverBefore()
    {
        var first = await IssueAsync("customer@example.com");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == "customer@example.com");
        var request = ResetRequest.IssuedDirectly(time.GetUtcNow(), "customer@example.com");

        var second = await scope.ServiceProvider.GetRequiredService<ResetLinks>().IssueAsync(db, request, user);
        Assert.Equal(ResetLinkState.Valid, (await CheckAsync(first)).State);
        db.ResetRequests.Add(request);
        await db.SaveChangesAsync();

        Assert.Equal(ResetLinkState.Invalid, (await CheckAsync(first)).State);
        Assert.Equal(ResetLinkState.Valid, (await CheckAsync(second.ToString())).State);
    }

    [Fact]
    public async Task Issue_TwoLinksIssuedAtOnceWithoutSeeingEachOther_OnlyTheLaterOneWorks()
    {
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<PortalDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<PortalDbContext>();
        var links = scopeA.ServiceProvider.GetRequiredService<ResetLinks>();
        var requestA = ResetRequest.IssuedDirectly(time.GetUtcNow(), "customer@example.com");
        var first = await links.IssueAsync(dbA, requestA, await dbA.Users.SingleAsync(u => u.Email == "customer@example.com"));
        time.Advance(TimeSpan.FromMilliseconds(5));
        var requestB = ResetRequest.IssuedDirectly(time.GetUtcNow(), "customer@example.com");
        var second = await links.IssueAsync(dbB, requestB, await dbB.Users.SingleAsync(u => u.Email == "customer@example.com"));

        dbA.ResetRequests.Add(requestA);
        dbB.ResetRequests.Add(requestB);
        await dbA.SaveChangesAsync();
        await dbB.SaveChangesAsync();

        Assert.Equal(ResetLinkState.Invalid, (await CheckAsync(first.ToString())).State);
        Assert.Equal(ResetLinkState.Valid, (await CheckAsync(second.ToString())).State);
        Assert.Equal(ResetOutcome.Invalid, (await CompleteAsync(first.ToString())).Outcome);
        Assert.Equal(ResetOutcome.Completed, (await CompleteAsync(second.ToString())).Outcome);
    }

    [Fact]
    public async Task Link_SubmittedConcurrentlyFromTwoTabs_ExactlyOneSucceeds()
    {
        var token = await IssueAsync("customer@example.com");
        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => CompleteAsync(token, $"Harbor-Lantern-Quartz-9{i}"))));
        Assert.Single(attempts, a => a.Outcome == ResetOutcome.Completed);
        Assert.All(attempts.Where(a => a.Outcome != ResetOutcome.Completed), a => Assert.Equal(ResetOutcome.Invalid, a.Outcome));
    }

    [Fact]
    public async Task Link_WeakPassword_IsRefusedAndLinkStaysUsable()
    {
        var token = await IssueAsync("customer@example.com");
        var weak = await CompleteAsync(token, "short");
        Assert.Equal(ResetOutcome.RejectedByPolicy, weak.Outcome);
        Assert.NotEmpty(weak.Errors);
        Assert.Equal(ResetOutcome.Completed, (await CompleteAsync(token)).Outcome);
    }

    [Fact]
    public async Task StoredRequest_KeepsOnlyHashExpiryAndStamp()
    {
        var token = await IssueAsync("customer@example.com");
        ResetToken.TryParse(token, out var parsed);
        var row = await factory.WithDbAsync(db => db.ResetRequests.AsNoTracking().SingleAsync(r => r.Id == parsed!.Value.RequestId));
        Assert.Equal(32, row.TokenHash!.Length);
        Assert.Equal(parsed!.Value.Hash(), row.TokenHash);
        Assert.Equal(row.IssuedAt + TimeSpan.FromMinutes(60), row.ExpiresAt);
        Assert.False(string.IsNullOrEmpty(row.SecurityStamp));
        Assert.DoesNotContain(token, System.Text.Json.JsonSerializer.Serialize(row));
        Assert.Equal(ResetToken.SecretBytes, parsed.Value.Secret.Length);
    }

    public void Dispose() => factory.Dispose();

    private async Task<string> IssueAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(email))!);
    }

    private static Guid RequestId(string token) => ResetToken.TryParse(token, out var parsed) ? parsed.Value.RequestId : Guid.Empty;

    private async Task<ResetLinkCheck> CheckAsync(string token)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResetLinks>().CheckAsync(token);
    }

    private async Task<ResetLinkView> OpenAsync(string token)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResetPasswordService>().OpenAsync(token, new ClientInfo("127.0.0.1", "tests"));
    }

    private async Task<ResetResult> CompleteAsync(string token, string password = NewPassword)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResetPasswordService>().CompleteAsync(token, password, new ClientInfo("127.0.0.1", "tests"));
    }

    private async Task<bool> PasswordIsAsync(string email, string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
    }
}
