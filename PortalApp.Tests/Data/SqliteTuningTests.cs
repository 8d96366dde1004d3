using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Data;

/// <summary>The per-connection SQLite settings hold on every open, including pooled connections it no longer re-tunes.</summary>
public sealed class SqliteTuningTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task EveryOpen_BusyTimeoutAndSynchronousNormal_AlsoOnReusedPooledConnections()
    {
        for (var open = 0; open < 3; open++)
        {
            var (busyTimeout, synchronous) = await factory.WithDbAsync(async db =>
            {
                await db.Database.OpenConnectionAsync();
                try
                {
                    var connection = db.Database.GetDbConnection();
                    return (await ScalarAsync(connection, "PRAGMA busy_timeout"), await ScalarAsync(connection, "PRAGMA synchronous"));
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            });

            Assert.Equal(30000L, busyTimeout);
            Assert.Equal(1L, synchronous); // NORMAL
        }
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
