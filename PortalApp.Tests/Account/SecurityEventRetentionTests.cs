using Microsoft.EntityFrameworkCore;
using PortalApp.Features.Account;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

public sealed class SecurityEventRetentionTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Purge_OlderThanAYear_DeletesOldEventsOnly()
    {
        var time = RetentionTestData.ClockAhead(1000);
        var now = time.GetUtcNow();
        var options = new AccountOptions();
        var retention = factory.Purge((db, o, t) => new SecurityEventRetention(db, o, t), options, time);
        var user = await TestUsers.CreateAsync(factory.Services);
        var old = new SecurityEvent { UserId = user.Id, Kind = SecurityEventKind.SignedIn, OccurredAt = now.AddDays(-366) };
        var recent = new SecurityEvent { UserId = user.Id, Kind = SecurityEventKind.SignInFailed, OccurredAt = now.AddDays(-364) };
        await factory.AddRowsAsync(old, recent);

        var purged = await retention.PurgeAsync();

        Assert.Equal(TimeSpan.FromDays(365), options.SecurityEventRetentionPeriod);
        Assert.Equal(1, purged);
        Assert.Equal([recent.Id], await factory.WithDbAsync(db => db.SecurityEvents.Where(e => e.UserId == user.Id).Select(e => e.Id).ToListAsync()));
    }
}
