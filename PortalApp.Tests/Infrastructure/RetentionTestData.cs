using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PortalApp.Data;

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// A purge under test runs on a clock years ahead of the real one, so the app's own sweeps (on the real clock)
/// never touch the rows a test places in that future.
/// </summary>
public static class RetentionTestData
{
    public static FakeTimeProvider ClockAhead(int days) => new(DateTimeOffset.UtcNow.AddDays(days));

    /// <summary>Builds a purge over the factory's database with <paramref name="options"/> and <paramref name="time"/>.</summary>
    public static TPurge Purge<TPurge, TOptions>(
        this PortalAppFactory factory, Func<IDbContextFactory<PortalDbContext>, IOptions<TOptions>, TimeProvider, TPurge> create, TOptions options, TimeProvider time)
        where TOptions : class
        => create(factory.GetService<IDbContextFactory<PortalDbContext>>(), Options.Create(options), time);

    public static Task AddRowsAsync(this PortalAppFactory factory, params object[] rows) => factory.WithDbAsync(db =>
    {
        db.AddRange(rows);
        return db.SaveChangesAsync();
    });
}
