namespace ObservabilityStack.Serilog.Sinks;

/// <summary>What the durable buffer does when it reaches its size limit. Either way the loss is counted and reported.</summary>
public enum BufferFullMode
{
    /// <summary>Keep what is buffered and refuse new events (the default).</summary>
    RefuseNew,

    /// <summary>Delete the oldest buffered events to make room for new ones.</summary>
    DropOldest,
}
