using Microsoft.EntityFrameworkCore;
using PortalApp.Features.Email;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Email;

public sealed class OutboxRetentionTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Purge_OlderThanRetention_DeletesSentAndFailedMessagesAndKeepsPendingAndRecentOnes()
    {
        var time = RetentionTestData.ClockAhead(1000);
        var now = time.GetUtcNow();
        var options = new EmailOptions();
        var retention = factory.Purge((db, o, t) => new OutboxRetention(db, o, t), options, time);
        var oldSent = Message(OutboxStatus.Sent, now.AddDays(-31));
        var oldFailed = Message(OutboxStatus.Failed, now.AddDays(-40));
        var oldPending = Message(OutboxStatus.Pending, now.AddDays(-90));
        var recentSent = Message(OutboxStatus.Sent, now.AddDays(-29));
        await factory.AddRowsAsync(oldSent, oldFailed, oldPending, recentSent);

        var purged = await retention.PurgeAsync();

        Assert.Equal(TimeSpan.FromDays(30), options.Outbox.RetentionPeriod);
        Assert.Equal(2, purged);
        var left = await factory.WithDbAsync(db => db.OutboxMessages.Select(m => m.Id).ToListAsync());
        Assert.DoesNotContain(oldSent.Id, left);
        Assert.DoesNotContain(oldFailed.Id, left);
        Assert.Contains(oldPending.Id, left);
        Assert.Contains(recentSent.Id, left);
    }

    private static OutboxMessage Message(OutboxStatus status, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        Kind = "retention-test",
        ToAddress = "someone@example.com",
        Subject = "Retention test",
        TextBody = "Body",
        Status = status,
        CreatedAt = at,
        NextAttemptAt = status == OutboxStatus.Pending ? at.AddYears(10) : at,
        SentAt = status == OutboxStatus.Sent ? at : null,
    };
}
