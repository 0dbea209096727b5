namespace ObservabilityStack.Serilog.Sinks;

/// <summary>What happened to the events of a <see cref="SinkFailure"/>.</summary>
public enum SinkFailureKind
{
    /// <summary>The events were lost (full queue or buffer, or shutdown before delivery).</summary>
    Dropped,

    /// <summary>The backend rejected the events permanently; they went to the dead letter.</summary>
    DeadLettered,
}
