using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PortalApp.Features.Account;
using PortalApp.Features.Email;
using PortalApp.Features.PasswordReset;
using PortalApp.Features.HelpCenter;

namespace PortalApp.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ResetRequest> ResetRequests => Set<ResetRequest>();

    public DbSet<ResetActivityEvent> ResetActivityEvents => Set<ResetActivityEvent>();
    public DbSet<HelpArticle> HelpArticles => Set<HelpArticle>();

    public DbSet<ArticleVote> HelpArticleVotes => Set<ArticleVote>();

    public DbSet<VideoTutorial> HelpVideos => Set<VideoTutorial>();

    public DbSet<SupportRequest> SupportRequests => Set<SupportRequest>();

    /// <summary>
    /// Commits queue on the database file's <see cref="SqliteWriteGate"/>. Inside an explicit transaction the
    /// caller already holds SQLite's write lock (or will take it), so the gate is not taken again.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var gate = WriteGate();
        if (gate is null)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        gate.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            gate.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var gate = WriteGate();
        if (gate is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }

        // ConfigureAwait(false): whoever holds the gate must not need the caller's synchronization context (a
        // Blazor circuit's) to release it, or a synchronous SaveChanges on that circuit would wait forever.
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private SemaphoreSlim? WriteGate() =>
        Database.CurrentTransaction is null && Database.IsSqlite() ? SqliteWriteGate.For(Database.GetConnectionString() ?? "") : null;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        var user = builder.Entity<PortalUser>();
        user.Property(u => u.FullName).HasMaxLength(PortalLimits.FullNameMaxLength);
        user.Property(u => u.TimeZoneId).HasMaxLength(PortalLimits.TimeZoneIdMaxLength);
        user.Property(u => u.Language).HasMaxLength(PortalLimits.LanguageMaxLength);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so queries stay in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
