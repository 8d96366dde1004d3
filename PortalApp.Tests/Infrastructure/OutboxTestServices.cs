using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PortalApp.Data;
using PortalApp.Features.Email;

namespace PortalApp.Tests.Infrastructure;

/// <summary>The outbox's own services over a fresh SQLite file and a fake clock, for driving batches and the dispatcher directly.</summary>
internal sealed class OutboxTestServices : IAsyncDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "portal-tests", "outbox-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider services;
    private readonly IOptions<EmailOptions> options;

    private OutboxTestServices(OutboxOptions outbox, IOutboxDeliveryObserver[] observers)
    {
        Directory.CreateDirectory(directory);
        options = Options.Create(new EmailOptions { From = "Customer Portal <no-reply@portal.test>", Outbox = outbox });
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddDbContext<PortalDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(directory, "portal.db")}"));
        collection.AddDataProtection().UseEphemeralDataProtectionProvider();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton(options);
        collection.AddSingleton<OutboxSignal>();
        collection.AddScoped<IEmailOutbox, EmailOutbox>();
        collection.AddSingleton<OutboxMimeBuilder>();
        collection.AddScoped<OutboxBatch>();
        foreach (var observer in observers)
        {
            collection.AddScoped(_ => observer);
        }

        services = collection.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public OutboxSignal Signal => services.GetRequiredService<OutboxSignal>();

    public static async Task<OutboxTestServices> CreateAsync(OutboxOptions outbox, params IOutboxDeliveryObserver[] observers)
    {
        var created = new OutboxTestServices(outbox, observers);
        await using var scope = created.services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync();
        return created;
    }

    public OutboxDispatcher Dispatcher(IEmailTransport transport)
        => new(services.GetRequiredService<IServiceScopeFactory>(), transport, Signal, options, Time, NullLogger<OutboxDispatcher>.Instance);

    /// <summary>Runs one batch in its own scope, as the dispatcher does.</summary>
    public async Task<int> SendDueAsync(IEmailTransportSession session, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxBatch>().SendDueAsync(session, cancellationToken);
    }

    public async Task EnqueueAsync(params EmailMessage[] messages)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        foreach (var message in messages)
        {
            outbox.Add(db, message);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Changes stored rows directly, e.g. to stand for another dispatcher's claim.</summary>
    public async Task UpdateAsync(Action<OutboxMessage> change)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var message in await db.OutboxMessages.ToListAsync())
        {
            change(message);
        }

        await db.SaveChangesAsync();
    }

    public async Task<List<OutboxMessage>> ReadAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.ToAddress).ToListAsync();
    }

    public async Task<OutboxMessage> SingleAsync() => (await ReadAsync()).Single();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
