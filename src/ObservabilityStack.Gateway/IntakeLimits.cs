namespace ObservabilityStack.Gateway;

/// <summary>Size and shape limits applied to every intake body and event.</summary>
public sealed class IntakeLimits
{
    /// <summary>Largest body, compressed or decompressed, in bytes (413 above). Default 10 MiB.</summary>
    public int MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest single event in bytes (the event is rejected). Default 256 KiB.</summary>
    public int MaxEventBytes { get; set; } = 256 * 1024;

    /// <summary>Most properties in one event, counted at every depth. Default 1000.</summary>
    public int MaxFieldsPerEvent { get; set; } = 1000;

    /// <summary>Deepest nesting of objects and arrays inside an event. Default 20.</summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>Most events in one request (413 above). Default 100,000.</summary>
    public int MaxEventsPerRequest { get; set; } = 100_000;
}
