using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PortalApp.Data;

/// <summary>
/// Per-connection SQLite settings. <c>busy_timeout</c> lets SQLite itself wait for the write lock in millisecond
/// steps (Microsoft.Data.Sqlite's own retry sleeps in 150 ms steps, which showed up as a 150 ms p95 on the forgot
/// form under concurrent writers). <c>synchronous=NORMAL</c> is the recommended pairing with WAL: a process crash
/// loses nothing; only a power cut can lose the last commits, never corrupt the file.
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
