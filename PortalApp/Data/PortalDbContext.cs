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
