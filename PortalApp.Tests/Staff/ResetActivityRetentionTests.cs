using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;
using PortalApp.Features.Staff;
using PortalApp.Tests.Infrastructure;
using static PortalApp.Features.PasswordReset.ResetActivityType;
using static PortalApp.Tests.Infrastructure.ResetActivityData;

namespace PortalApp.Tests.Staff;

public sealed class ResetActivityRetentionTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;

    public ResetActivityRetentionTests(PortalAppFactory factory) => this.factory = factory;

    [Fact]
    public async Task Purge_OlderThanRetention_DeletesOldEventsAndFinishedRequestsOnly()
    {
        // The clock runs a year ahead, so the app's own retention job (on the real clock) never touches this data.
        var now = DateTimeOffset.UtcNow.AddDays(400);
        var time = new FakeTimeProvider(now);
        var retention = new ResetActivityRetention(
            factory.GetService<IDbContextFactory<PortalDbContext>>(), Options.Create(new StaffDashboardOptions { RetentionPeriod = TimeSpan.FromDays(180) }), time);

        ResetRequest oldFinished, oldOpen, recent;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            oldFinished = await AddRequestAsync(db, now.AddDays(-181), "old@example.com", "192.0.2.1", (EmailQueued, Min(0.1)), (EmailSent, Min(0.2)), (Completed, Min(5)));
            oldOpen = await AddRequestAsync(db, now.AddDays(-200), "stuck@example.com", "192.0.2.1", (EmailQueued, Min(0.1)));
            recent = await AddRequestAsync(db, now.AddDays(-179), "recent@example.com", "192.0.2.1", (EmailQueued, Min(0.1)), (EmailSent, Min(0.2)), (Completed, Min(5)));
        }

        var (events, requests) = await retention.PurgeAsync();

        Assert.Equal(6, events);
        Assert.Equal(1, requests);
        await factory.WithDbAsync(async db =>
        {
            Assert.False(await db.ResetRequests.AnyAsync(r => r.Id == oldFinished.Id));
            Assert.True(await db.ResetRequests.AnyAsync(r => r.Id == oldOpen.Id));
            Assert.False(await db.ResetActivityEvents.AnyAsync(e => e.RequestId == oldOpen.Id || e.RequestId == oldFinished.Id));
            Assert.Equal(4, await db.ResetActivityEvents.CountAsync(e => e.RequestId == recent.Id));
            return true;
        });
    }
}
