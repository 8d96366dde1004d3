using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PortalApp.Data;

/// <summary>
/// Per-connection SQLite settings. <c>busy_timeout</c> lets SQLite itself wait for the write lock in millisecond
/// steps (Microsoft.Data.Sqlite's own retry sleeps in much coarser steps, which showed up as a tail on the forgot
/// form under concurrent writers). <c>synchronous=NORMAL</c> is the recommended pairing with WAL: a process crash
/// loses nothing; only a power cut can lose the last commits, never corrupt the file.
/// Both settings belong to the native connection, which Microsoft.Data.Sqlite pools, so they are applied once per
/// native connection, not on every open (EF opens the connection for each query and save, several times per forgot request).
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    private readonly ConditionalWeakTable<object, object> tuned = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsTuning(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkTuned(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsTuning(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        // Not the caller's token: a request cancelled right now must not leave this native connection untuned.
        await command.ExecuteNonQueryAsync(CancellationToken.None);
        MarkTuned(connection);
    }

    /// <summary>True until this native connection has been tuned (a pooled one comes back already tuned).</summary>
    private bool NeedsTuning(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !tuned.TryGetValue(handle, out _);

    /// <summary>Only after the pragmas ran: if they failed, the next open tries again.</summary>
    private void MarkTuned(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            tuned.AddOrUpdate(handle, handle);
        }
    }
}
