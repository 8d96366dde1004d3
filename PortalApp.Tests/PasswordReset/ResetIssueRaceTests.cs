using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Clients;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.PasswordReset;

/// <summary>
/// Issuing a link retires the customer's earlier links in the same save. When one of those changes in between (its
/// email was just sent), the save is refused on the status token; the processor starts that request over instead of
/// failing it, and the customer still gets exactly one email for it.
/// </summary>
public sealed class ResetIssueRaceTests : IDisposable
{
    private readonly PortalAppFactory factory = new();
    private readonly CapturedLogs logs;
    private readonly EarlierRequestMovesDuringSave interceptor = new();

    public ResetIssueRaceTests()
    {
        logs = CapturedLogs.AttachTo(factory);
        var previous = factory.ConfigureTestServices;
        factory.ConfigureTestServices = services =>
        {
            previous?.Invoke(services);
            services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(interceptor), ServiceLifetime.Singleton);
        };
    }

    [Fact]
    public async Task Issue_EarlierLinkChangesDuringTheSave_RequestIsStartedOverNotFailed()
    {
        var first = await SubmitAndProcessAsync();
        interceptor.Arm(first);

        var second = await SubmitAndProcessAsync();

        Assert.True(interceptor.Fired, "the earlier request was not moved during the save");
        var statuses = await factory.WithDbAsync(db => db.ResetRequests.ToDictionaryAsync(r => r.Id, r => r.Status));
        Assert.Equal(ResetRequestStatus.Replaced, statuses[first]);
        Assert.Contains(statuses[second], new[] { ResetRequestStatus.EmailQueued, ResetRequestStatus.EmailSent });
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.CorrelationId == second.ToString())));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error && e.Category.Contains("ResetRequestProcessor", StringComparison.Ordinal));
    }

    public void Dispose() => factory.Dispose();

    private async Task<Guid> SubmitAndProcessAsync()
    {
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<ResetRequestIntake>().SubmitAsync("customer@example.com", new ClientInfo("192.0.2.10", "tests"));
        }

        await factory.GetService<ResetRequestProcessor>().ProcessPendingAsync(CancellationToken.None);
        await Poll.UntilAsync(() => factory.WithDbAsync(db => db.ResetRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()), s => s != ResetRequestStatus.Requested, "the request processed");
        return id;
    }

    /// <summary>The first time a save retires <see cref="earlier"/>, moves that row on its own connection first, as the delivery observer would.</summary>
    private sealed class EarlierRequestMovesDuringSave : SaveChangesInterceptor
    {
        private Guid? earlier;

        public bool Fired { get; private set; }

        public void Arm(Guid id) => earlier = id;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (earlier is { } id && eventData.Context is PortalDbContext db
                && db.ChangeTracker.Entries<ResetRequest>().Any(e => e.Entity.Id == id && e.State == EntityState.Modified))
            {
                earlier = null;
                Fired = true;
                await using var other = new Microsoft.Data.Sqlite.SqliteConnection(db.Database.GetConnectionString());
                await other.OpenAsync(cancellationToken);
                await using DbCommand command = other.CreateCommand();
                var original = (ResetRequestStatus)db.ChangeTracker.Entries<ResetRequest>().Single(e => e.Entity.Id == id).OriginalValues[nameof(ResetRequest.Status)]!;
                command.CommandText = "UPDATE ResetRequests SET Status = $moved WHERE Id = $id";
                command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$moved", (int)(original == ResetRequestStatus.EmailSent ? ResetRequestStatus.LinkOpened : ResetRequestStatus.EmailSent)));
                command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$id", id.ToString().ToUpperInvariant()));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return await base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
