using System.Collections.Concurrent;

namespace PortalApp.Data;

/// <summary>
/// One writer at a time per SQLite file, queued in this process. SQLite allows a single writer; when several
/// contexts commit at once, the losers otherwise wait in SQLite's busy handler, which sleeps in growing steps and
/// turned a sub-millisecond commit into a long tail under load (the repository's write benchmarks show it). Waiting on a semaphore instead wakes the next writer the moment the lock is free. The busy timeout stays
/// as the fallback for writers that do not pass through here (raw SQL, ExecuteUpdate, other processes).
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of one database file; the file, like SQLite's lock, is shared by the whole process.</summary>
    public static SemaphoreSlim For(string dataSource) => Gates.GetOrAdd(dataSource, _ => new SemaphoreSlim(1, 1));
}
