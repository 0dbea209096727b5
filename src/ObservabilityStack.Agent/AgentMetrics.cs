namespace ObservabilityStack.Agent;

/// <summary>What the agent did so far; every drop, retry and refusal is counted here and shown by <c>obs agent run</c>.</summary>
public sealed class AgentMetrics
{
    private long _linesRead;
    private long _eventsSent;
    private long _eventsDeadLettered;
    private long _sendRetries;
    private long _refusals;
    private long _longLines;
    private long _truncations;
    private long _rotationsFinished;
    private long _commandRuns;
    private long _commandFailures;

    /// <summary>Lines read from files (after joining indented lines, one per event).</summary>
    public long LinesRead => Interlocked.Read(ref _linesRead);

    /// <summary>Events the gateway accepted.</summary>
    public long EventsSent => Interlocked.Read(ref _eventsSent);

    /// <summary>Events the gateway refused, written to the dead-letter file with the reason.</summary>
    public long EventsDeadLettered => Interlocked.Read(ref _eventsDeadLettered);

    /// <summary>Sends that failed and will be (or were) retried.</summary>
    public long SendRetries => Interlocked.Read(ref _sendRetries);

    /// <summary>Sends the gateway refused with 401/403 (wrong key or network).</summary>
    public long Refusals => Interlocked.Read(ref _refusals);

    /// <summary>Lines cut to the maximum line length.</summary>
    public long LongLines => Interlocked.Read(ref _longLines);

    /// <summary>Files found truncated in place and read again from the start.</summary>
    public long Truncations => Interlocked.Read(ref _truncations);

    /// <summary>Rotated-away files read to their end and closed.</summary>
    public long RotationsFinished => Interlocked.Read(ref _rotationsFinished);

    /// <summary>Periodic command runs.</summary>
    public long CommandRuns => Interlocked.Read(ref _commandRuns);

    /// <summary>Periodic command runs that failed to start, timed out or exited non-zero.</summary>
    public long CommandFailures => Interlocked.Read(ref _commandFailures);

    /// <summary>The last failure, for the status display (never contains the key).</summary>
    public string? LastError { get; internal set; }

    internal void Read(long n) => Interlocked.Add(ref _linesRead, n);

    internal void Sent(long n) => Interlocked.Add(ref _eventsSent, n);

    internal void DeadLettered(long n) => Interlocked.Add(ref _eventsDeadLettered, n);

    internal void Retried() => Interlocked.Increment(ref _sendRetries);

    internal void Refused() => Interlocked.Increment(ref _refusals);

    internal void LongLine(long n) => Interlocked.Add(ref _longLines, n);

    internal void Truncated(long n) => Interlocked.Add(ref _truncations, n);

    internal void RotationFinished() => Interlocked.Increment(ref _rotationsFinished);

    internal void CommandRan(bool failed)
    {
        Interlocked.Increment(ref _commandRuns);
        if (failed)
        {
            Interlocked.Increment(ref _commandFailures);
        }
    }
}
