using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PortalApp.Data;
using PortalApp.Features.Email;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.PasswordReset;

/// <summary>A request's status and step times as the real services move it, and who hears about it, over a real SQLite file.</summary>
public sealed class ResetRequestLifecycleTests : IDisposable
{
    private const string NewPassword = "Harbor-Lantern-Quartz-92";
    private static readonly ClientInfo Browser = new("198.51.100.7", "tests");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero));
    private readonly RecordingNotifier notifier = new();
    private readonly PortalAppFactory factory;

    public ResetRequestLifecycleTests()
    {
        factory = new PortalAppFactory
        {
            ConfigureTestServices = s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.Replace(ServiceDescriptor.Singleton<IResetActivityNotifier>(notifier));
            },
        };
        _ = factory.Services;
    }

    [Fact]
    public async Task OpenThenComplete_IssuedLink_LinkOpenedThenCompletedWithTimes()
    {
        var (id, token) = await IssueAsync();

        time.Advance(TimeSpan.FromMinutes(2));
        await OpenAsync(token);
        var opened = await RequestAsync(id);
        time.Advance(TimeSpan.FromMinutes(3));
        await CompleteAsync(token);
        var completed = await RequestAsync(id);

        Assert.Equal((ResetRequestStatus.LinkOpened, time.GetUtcNow().AddMinutes(-3)), (opened.Status, opened.OpenedAt!.Value));
        Assert.Equal((ResetRequestStatus.Completed, time.GetUtcNow()), (completed.Status, completed.CompletedAt!.Value));
        Assert.Equal([ResetActivityType.Requested, ResetActivityType.LinkOpened, ResetActivityType.Completed], await TypesAsync(id));
    }

    [Fact]
    public async Task Complete_ValidLink_DashboardHearsOfTheCompletion()
    {
        var (id, token) = await IssueAsync();
        notifier.Heard.Clear();

        await CompleteAsync(token);

        var heard = Assert.Single(notifier.Heard);
        Assert.Equal((ResetActivityType.Completed, id), (heard.Type, heard.RequestId!.Value));
    }

    [Fact]
    public async Task Save_Failing_AnnouncesNothing()
    {
        var (id, _) = await IssueAsync();
        notifier.Heard.Clear();

        var duplicate = new ResetRequest { Id = id, CreatedAt = time.GetUtcNow(), Email = "customer@example.com" };
        await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithDbAsync(db =>
        {
            db.ResetRequests.Add(duplicate);
            db.ResetActivityEvents.Add(duplicate.Record(ResetActivityType.Requested, time.GetUtcNow()));
            return db.SaveChangesAsync();
        }));

        Assert.Empty(notifier.Heard);
    }

    [Fact]
    public async Task ExpireUnusedLinks_EmailedLinkPastItsHour_ExpiredOnceWithEvent()
    {
        var id = await QueuedRequestAsync();
        time.Advance(TimeSpan.FromMinutes(61));

        // The processor's own loop may sweep at the same moment: between them the link expires once.
        await factory.GetService<ResetRequestProcessor>().ExpireUnusedLinksAsync(CancellationToken.None);
        var again = await factory.GetService<ResetRequestProcessor>().ExpireUnusedLinksAsync(CancellationToken.None);

        Assert.Equal(0, again);
        Assert.Equal(ResetRequestStatus.Expired, (await RequestAsync(id)).Status);
        Assert.Equal([ResetActivityType.Requested, ResetActivityType.EmailQueued, ResetActivityType.LinkExpired], await TypesAsync(id));
    }

    [Fact]
    public async Task ExpireUnusedLinks_LinkStillInItsHour_LeftAlone()
    {
        var id = await QueuedRequestAsync();
        time.Advance(TimeSpan.FromMinutes(59));

        await factory.GetService<ResetRequestProcessor>().ExpireUnusedLinksAsync(CancellationToken.None);

        Assert.Equal(ResetRequestStatus.EmailQueued, (await RequestAsync(id)).Status);
    }

    [Fact]
    public async Task EmailSent_ReportedAfterLinkOpened_RecordedWithoutMovingBack()
    {
        var id = await QueuedRequestAsync();
        await UpdateAsync(id, (db, r) => db.ResetActivityEvents.Add(r.Record(ResetActivityType.LinkOpened, time.GetUtcNow(), by: Browser)));

        await factory.GetService<IOutboxDeliveryObserver>().OnSentAsync(
            new OutboxMessage { Kind = ResetEmails.ResetKind, CorrelationId = id.ToString() }, CancellationToken.None);

        var request = await RequestAsync(id);
        Assert.Equal(ResetRequestStatus.LinkOpened, request.Status);
        Assert.NotNull(request.EmailSentAt);
        Assert.Equal(ResetActivityType.EmailSent, (await TypesAsync(id))[^1]);
    }

    [Fact]
    public async Task Update_StatusMovedByAnotherWriterMeanwhile_MadeAgainFromTheNewStatus()
    {
        var id = await QueuedRequestAsync();
        var attempts = 0;

        await UpdateAsync(id, (db, request) =>
        {
            if (attempts++ == 0)
            {
                // Someone opens the link between this writer's read and its save.
                Task.Run(() => UpdateAsync(id, (other, r) => other.ResetActivityEvents.Add(r.Record(ResetActivityType.LinkOpened, time.GetUtcNow())))).GetAwaiter().GetResult();
            }

            db.ResetActivityEvents.Add(request.Record(ResetActivityType.EmailSent, time.GetUtcNow()));
        });

        Assert.Equal(2, attempts);
        Assert.Equal(ResetRequestStatus.LinkOpened, (await RequestAsync(id)).Status);
        Assert.Equal([ResetActivityType.Requested, ResetActivityType.EmailQueued, ResetActivityType.LinkOpened, ResetActivityType.EmailSent], await TypesAsync(id));
    }

    [Fact]
    public async Task ForgotFormTwice_SecondLinkIssued_FirstRequestIsReplacedInTheSameSave()
    {
        var processor = factory.GetService<ResetRequestProcessor>();
        var first = await SubmitForgotAsync();
        await processor.ProcessPendingAsync(CancellationToken.None);
        var second = await SubmitForgotAsync();
        await processor.ProcessPendingAsync(CancellationToken.None);

        Assert.Equal(ResetRequestStatus.Replaced, (await RequestAsync(first)).Status);
        // The outbox may report the first email sent before or after; either way the request stays replaced.
        Assert.Equal(
            [ResetActivityType.Requested, ResetActivityType.EmailQueued, ResetActivityType.LinkReplaced],
            (await TypesAsync(first)).Where(t => t != ResetActivityType.EmailSent));
        Assert.Contains((await RequestAsync(second)).Status, new[] { ResetRequestStatus.EmailQueued, ResetRequestStatus.EmailSent });
    }

    public void Dispose() => factory.Dispose();

    private async Task<Guid> SubmitForgotAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResetRequestIntake>().SubmitAsync("customer@example.com", Browser);
    }

    private async Task OpenAsync(string token)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ResetPasswordService>().OpenAsync(token, Browser);
    }

    private async Task CompleteAsync(string token)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(ResetOutcome.Completed, (await scope.ServiceProvider.GetRequiredService<ResetPasswordService>().CompleteAsync(token, NewPassword, Browser)).Outcome);
    }

    private async Task<(Guid Id, string Token)> IssueAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var token = await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync("customer@example.com"))!);
        ResetToken.TryParse(token, out var parsed);
        return (parsed!.Value.RequestId, token);
    }

    /// <summary>A request whose reset email is queued (with no outbox message behind it, so nothing else moves it on).</summary>
    private async Task<Guid> QueuedRequestAsync()
    {
        var now = time.GetUtcNow();
        var request = new ResetRequest { Id = Guid.NewGuid(), CreatedAt = now, Email = "customer@example.com", IpAddress = "192.0.2.1" };
        request.ExpiresAt = now.AddMinutes(60);
        await factory.WithDbAsync(db =>
        {
            db.ResetRequests.Add(request);
            db.ResetActivityEvents.Add(request.Record(ResetActivityType.Requested, now));
            db.ResetActivityEvents.Add(request.Record(ResetActivityType.EmailQueued, now));
            return db.SaveChangesAsync();
        });
        return request.Id;
    }

    private Task UpdateAsync(Guid id, Action<PortalDbContext, ResetRequest> change) =>
        ResetRequestUpdates.ApplyAsync(factory.GetService<IDbContextFactory<PortalDbContext>>(), id, change, CancellationToken.None);

    private Task<ResetRequest> RequestAsync(Guid id) =>
        factory.WithDbAsync(db => db.ResetRequests.AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<List<ResetActivityType>> TypesAsync(Guid id) =>
        factory.WithDbAsync(db => db.ResetActivityEvents.Where(e => e.RequestId == id).OrderBy(e => e.Id).Select(e => e.Type).ToListAsync());

    private sealed class RecordingNotifier : IResetActivityNotifier
    {
        public ConcurrentQueue<ResetActivityEvent> Heard { get; } = new();

        public void Notify(IReadOnlyList<ResetActivityEvent> recorded)
        {
            foreach (var e in recorded)
            {
                Heard.Enqueue(e);
            }
        }
    }
}
