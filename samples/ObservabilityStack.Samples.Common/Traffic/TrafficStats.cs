namespace ObservabilityStack.Samples.Common.Traffic;

/// <summary>What the traffic generator did and how the shop answered. Thread-safe.</summary>
public sealed class TrafficStats
{
    private long _requests;
    private long _created;
    private long _read;
    private long _edited;
    private long _statusChanged;
    private long _clientErrors;
    private long _serverErrors;
    private long _unreachable;
    private long _chaos;

    /// <summary>Requests sent (chaos requests excluded).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Orders created (201).</summary>
    public long Created => Interlocked.Read(ref _created);

    /// <summary>Orders read (200).</summary>
    public long Read => Interlocked.Read(ref _read);

    /// <summary>Orders edited (200).</summary>
    public long Edited => Interlocked.Read(ref _edited);

    /// <summary>Status changes accepted (200).</summary>
    public long StatusChanged => Interlocked.Read(ref _statusChanged);

    /// <summary>4xx answers (mostly the deliberate bad requests).</summary>
    public long ClientErrors => Interlocked.Read(ref _clientErrors);

    /// <summary>5xx answers (chaos bursts, a failing downstream).</summary>
    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    /// <summary>Requests that got no answer (shop down, timeout).</summary>
    public long Unreachable => Interlocked.Read(ref _unreachable);

    /// <summary>Chaos actions started.</summary>
    public long Chaos => Interlocked.Read(ref _chaos);

    internal void AddRequest() => Interlocked.Increment(ref _requests);

    internal void AddCreated() => Interlocked.Increment(ref _created);

    internal void AddRead() => Interlocked.Increment(ref _read);

    internal void AddEdited() => Interlocked.Increment(ref _edited);

    internal void AddStatusChanged() => Interlocked.Increment(ref _statusChanged);

    internal void AddClientError() => Interlocked.Increment(ref _clientErrors);

    internal void AddServerError() => Interlocked.Increment(ref _serverErrors);

    internal void AddUnreachable() => Interlocked.Increment(ref _unreachable);

    internal void AddChaos() => Interlocked.Increment(ref _chaos);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Requests} requests: {Created} created, {Read} read, {Edited} edited, {StatusChanged} status changes, " +
        $"{ClientErrors} 4xx, {ServerErrors} 5xx, {Unreachable} unanswered; {Chaos} chaos actions";
}
