using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PortalApp.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Portal";
    private const string DefaultConnectionString = "Data Source=App_Data/portal.db";

    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        var connectionString = ResolveConnectionString(
            builder.Configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString,
            builder.Environment.ContentRootPath);

        // Pooled: a context is reset and reused instead of built per unit of work. Building one (its internal
        // service scope and dependencies) showed up in CPU profiles of the forgot form under load, and one forgot
        // request uses several (the form, the processor, the outbox).
        builder.Services.AddPooledDbContextFactory<PortalDbContext>(options => options.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionTuning()));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        builder.Services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        builder.Services.AddScoped<DatabaseInitializer>();
        return builder;
    }

    /// <summary>
    /// Makes a relative SQLite file path relative to the content root (not the shell's working directory),
    /// creates its folder, and turns on a busy timeout so concurrent writers wait instead of failing.
    /// </summary>
    internal static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:")
        {
            if (!Path.IsPathRooted(csb.DataSource))
            {
                csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }

        if (csb.DefaultTimeout < 30)
        {
            csb.DefaultTimeout = 30;
        }

        return csb.ToString();
    }
}
