using Microsoft.EntityFrameworkCore;
using PortalApp.Features.Account;
using PortalApp.Features.Email;
using PortalApp.Features.HelpCenter;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Platform;

/// <summary>The purges run by themselves, every six hours, in the real app; a bad retention setting stops it at start.</summary>
public sealed class RetentionSweepTests : IDisposable
{
    private readonly FakeClockPortalAppFactory factory = new();

    [Fact]
    public async Task Sweep_SixHoursLater_PurgesOldOutboxSecurityAndSupportRows()
    {
        _ = factory.Services;
        var now = factory.Time.GetUtcNow();
        var user = await TestUsers.CreateAsync(factory.Services);
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(), Kind = "retention-test", ToAddress = "someone@example.com", Subject = "Old", Status = OutboxStatus.Sent,
            CreatedAt = now.AddDays(-60), NextAttemptAt = now.AddDays(-60), SentAt = now.AddDays(-60),
        };
        var securityEvent = new SecurityEvent { UserId = user.Id, Kind = SecurityEventKind.SignedIn, OccurredAt = now.AddDays(-400) };
        var request = new SupportRequest
        {
            Name = "Old", Email = "old@example.com", Subject = "Old", Message = "Long since closed.", Status = SupportRequestStatus.Closed,
            CreatedAt = now.AddDays(-800), UpdatedAt = now.AddDays(-800),
        };
        await factory.AddRowsAsync(message, securityEvent, request);

        factory.Time.Advance(TimeSpan.FromHours(6));

        var left = await Poll.UntilAsync(
            () => factory.WithDbAsync(async db => (
                Outbox: await db.OutboxMessages.AnyAsync(m => m.Id == message.Id),
                Security: await db.SecurityEvents.AnyAsync(e => e.Id == securityEvent.Id),
                Support: await db.SupportRequests.AnyAsync(r => r.Id == request.Id))),
            rows => rows is (false, false, false),
            "the sweeps to purge the old rows");
        Assert.Equal((false, false, false), left);
    }

    [Theory]
    [InlineData("Email:Outbox:RetentionPeriod")]
    [InlineData("Account:SecurityEventRetentionPeriod")]
    [InlineData("SupportRequests:RetentionPeriod")]
    public void Startup_RetentionPeriodUnderADay_FailsNamingTheSetting(string key)
    {
        using var bad = new PortalAppFactory();
        bad.Settings[key] = "12:00:00";
        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());
        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => factory.Dispose();
}
