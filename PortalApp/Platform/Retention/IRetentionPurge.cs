namespace PortalApp.Platform.Retention;

/// <summary>One kind of record a feature keeps only for a while; <see cref="RetentionSweepService{TPurge}"/> runs it on a schedule.</summary>
public interface IRetentionPurge
{
    /// <summary>What is purged, as the log line says it ("sent and failed outbox messages").</summary>
    string What { get; }

    /// <summary>How long records are kept.</summary>
    TimeSpan Period { get; }

    /// <summary>How often the purge runs.</summary>
    TimeSpan Interval => RetentionSweeps.DefaultInterval;

    /// <summary>Deletes what is older than <see cref="Period"/>; returns how many rows went.</summary>
    Task<int> PurgeAsync(CancellationToken cancellationToken = default);
}
