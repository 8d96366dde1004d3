using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.PasswordReset;

/// <summary>Visits with made-up reset links write a bounded number of activity rows per client; real links are always recorded.</summary>
public sealed class UnmatchedResetLinkTests : IDisposable
{
    private const int Limit = 3;
    private static readonly ClientInfo Prober = new("203.0.113.9", "prober");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero));
    private readonly PortalAppFactory factory;

    public UnmatchedResetLinkTests()
    {
        factory = new PortalAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(time) };
        factory.Settings["RateLimiting:UnmatchedResetLink:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["RateLimiting:UnmatchedResetLink:Window"] = "00:10:00";
    }

    [Fact]
    public async Task Open_ManyLinksMatchingNoRequest_WritesTheClientsBudgetThenOneThrottledRow()
    {
        for (var i = 0; i < 25; i++)
        {
            var view = await OpenAsync($"made-up-{i}", Prober);
            Assert.Equal(ResetLinkState.Invalid, view.State);
        }

        var rows = await UnmatchedRowsAsync(Prober);
        Assert.Equal(Limit + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(ResetActivityType.InvalidLink, r.Type));
        Assert.Equal(ResetPasswordService.UnmatchedLinksThrottled, rows[^1].Detail);

        var other = new ClientInfo("198.51.100.20", "someone else");
        await OpenAsync("made-up-elsewhere", other);
        Assert.Equal("opened", (await UnmatchedRowsAsync(other)).Single().Detail);
    }

    [Fact]
    public async Task Open_RealLinksFromAClientOverItsBudget_AreStillRecordedOnTheirRequest()
    {
        for (var i = 0; i < Limit + 5; i++)
        {
            await OpenAsync($"made-up-{i}", Prober);
        }

        var (id, token) = await IssueAsync();
        await OpenAsync(token, Prober);
        time.Advance(TimeSpan.FromMinutes(61));
        await OpenAsync(token, Prober);

        var types = await factory.WithDbAsync(db => db.ResetActivityEvents.Where(e => e.RequestId == id && e.IpAddress == Prober.IpAddress)
            .OrderBy(e => e.Id).Select(e => e.Type).ToListAsync());
        Assert.Equal([ResetActivityType.LinkOpened, ResetActivityType.ExpiredLinkUsed], types);
    }

    public void Dispose() => factory.Dispose();

    private async Task<ResetLinkView> OpenAsync(string token, ClientInfo client)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResetPasswordService>().OpenAsync(token, client);
    }

    private Task<List<ResetActivityEvent>> UnmatchedRowsAsync(ClientInfo client) => factory.WithDbAsync(db =>
        db.ResetActivityEvents.AsNoTracking().Where(e => e.RequestId == null && e.IpAddress == client.IpAddress).OrderBy(e => e.Id).ToListAsync());

    private async Task<(Guid Id, string Token)> IssueAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var token = await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync("customer@example.com"))!);
        Assert.True(ResetToken.TryParse(token, out var parsed));
        return (parsed!.Value.RequestId, token);
    }
}
