using Microsoft.EntityFrameworkCore;
using PortalApp.Features.HelpCenter;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.HelpCenter;

public sealed class SupportRequestRetentionTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Purge_FinishedAndUntouchedForTwoYears_DeletesThemAndKeepsOpenAndRecentOnes()
    {
        var time = RetentionTestData.ClockAhead(2000);
        var now = time.GetUtcNow();
        var options = new SupportRequestOptions();
        var retention = factory.Purge((db, o, t) => new SupportRequestRetention(db, o, t), options, time);
        var oldClosed = Request(SupportRequestStatus.Closed, now.AddDays(-731));
        var oldResolved = Request(SupportRequestStatus.Resolved, now.AddDays(-800));
        var oldOpen = Request(SupportRequestStatus.Open, now.AddDays(-900));
        var oldWaiting = Request(SupportRequestStatus.WaitingOnCustomer, now.AddDays(-900));
        var recentClosed = Request(SupportRequestStatus.Closed, now.AddDays(-729));
        await factory.AddRowsAsync(oldClosed, oldResolved, oldOpen, oldWaiting, recentClosed);

        var purged = await retention.PurgeAsync();

        Assert.Equal(TimeSpan.FromDays(730), options.RetentionPeriod);
        Assert.Equal(2, purged);
        var left = await factory.WithDbAsync(db => db.SupportRequests.Select(r => r.Id).ToListAsync());
        Assert.Equal([oldOpen.Id, oldWaiting.Id, recentClosed.Id], left.Intersect([oldClosed.Id, oldResolved.Id, oldOpen.Id, oldWaiting.Id, recentClosed.Id]).Order());
    }

    private static SupportRequest Request(SupportRequestStatus status, DateTimeOffset updatedAt) => new()
    {
        Name = "Retention Test",
        Email = "retention@example.com",
        Subject = "Retention",
        Category = HelpCategory.Billing,
        Message = "Kept for a while.",
        Status = status,
        CreatedAt = updatedAt.AddDays(-3),
        UpdatedAt = updatedAt,
    };
}
