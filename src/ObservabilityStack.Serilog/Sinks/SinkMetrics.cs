namespace ObservabilityStack.Serilog.Sinks;

/// <summary>
/// Counters of one sink, readable in code at any time (thread-safe). Every event the sink accepts ends up
/// counted as sent, dropped or dead-lettered; <see cref="Pending"/> is what is still on its way.
/// </summary>
public sealed class SinkMetrics
{
    private long _queued;
    private long _sent;
    private long _retried;
    private long _dropped;
    private long _droppedAfterQueueing;
    private long _deadLettered;

    /// <summary>Events accepted by <c>Emit</c> into the queue.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Events the backend confirmed (including "already there" answers to retries).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Event deliveries attempted again after a retryable failure (an event retried twice counts twice).</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>Events lost: refused by a full queue or buffer, or undelivered at shutdown without a durable buffer.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events the backend rejected permanently, written to the dead letter with the reason.</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Accepted events not yet sent, dropped or dead-lettered.</summary>
    public long Pending => Queued - Sent - DeadLettered - Interlocked.Read(ref _droppedAfterQueueing);

    internal void AddQueued() => Interlocked.Increment(ref _queued);

    internal void AddSent(long count) => Interlocked.Add(ref _sent, count);

    internal void AddRetried(long count) => Interlocked.Add(ref _retried, count);

    internal long AddDropped(long count, bool wasQueued)
    {
        if (wasQueued)
        {
            Interlocked.Add(ref _droppedAfterQueueing, count);
        }

        return Interlocked.Add(ref _dropped, count);
    }

    internal void AddDeadLettered(long count) => Interlocked.Add(ref _deadLettered, count);

    /// <inheritdoc/>
    public override string ToString() =>
        $"queued={Queued} sent={Sent} retried={Retried} dropped={Dropped} dead_lettered={DeadLettered}";
}
