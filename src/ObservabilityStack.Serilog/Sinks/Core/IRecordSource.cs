namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>Where the delivery loop takes batches from: the memory queue, or the durable disk buffer.</summary>
internal interface IRecordSource : IDisposable
{
    /// <summary>True when undelivered records survive shutdown (on disk) instead of being lost.</summary>
    bool IsDurable { get; }

    /// <summary>The next batch, or null once the source is completed and empty.</summary>
    Task<IReadOnlyList<LogRecord>?> ReadBatchAsync(CancellationToken cancellationToken);

    /// <summary>Marks the last batch read as finished (delivered or dead-lettered), so it is never read again.</summary>
    void Commit();

    /// <summary>Removes whatever is still queued in memory (at a hard stop) and returns the count.</summary>
    int DrainUnread();
}
