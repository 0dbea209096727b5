namespace ObservabilityStack.Gateway;

/// <summary>How the forwarder batches and retries bulk requests.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Most events per bulk request. Default 2000.</summary>
    public int BatchEvents { get; set; } = 2000;

    /// <summary>Most bytes per bulk request. Default 8 MiB.</summary>
    public int BatchBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How long a partial batch waits for more events, in milliseconds. Default 50.</summary>
    public int LingerMilliseconds { get; set; } = 50;

    /// <summary>Bulk requests in flight at once. Default 4.</summary>
    public int MaxInFlight { get; set; } = 4;

    /// <summary>First retry delay in milliseconds; doubles up to <see cref="MaxBackoffMilliseconds"/>. Default 200.</summary>
    public int InitialBackoffMilliseconds { get; set; } = 200;

    /// <summary>Longest retry delay in milliseconds. Default 30,000.</summary>
    public int MaxBackoffMilliseconds { get; set; } = 30_000;
}
