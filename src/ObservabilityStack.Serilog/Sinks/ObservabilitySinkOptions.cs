using ObservabilityStack.Serilog.Formatting;

namespace ObservabilityStack.Serilog.Sinks;

/// <summary>Queueing, batching, retry, buffering and failure settings shared by the gateway and Elasticsearch sinks.</summary>
public abstract class ObservabilitySinkOptions
{
    /// <summary>Events held in memory before <c>Emit</c> starts dropping (counted and reported). Default 100000.</summary>
    public int QueueLimit { get; set; } = 100_000;

    /// <summary>Most events per request. Default 1000.</summary>
    public int BatchSizeLimit { get; set; } = 1000;

    /// <summary>Most uncompressed bytes of documents per request. Default 5 MiB.</summary>
    public long BatchBytesLimit { get; set; } = 5 * 1024 * 1024;

    /// <summary>Longest time an event waits for its batch to fill before it is sent. Default 1 second.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Batches sent at the same time. More than one keeps a backend that indexes requests in parallel busy while
    /// the next batch is formatted; batches may then arrive out of order (their <c>@timestamp</c> still orders them).
    /// With a durable buffer batches always go one at a time, because the buffer commits in order. Default 2.
    /// </summary>
    public int MaxConcurrentBatches { get; set; } = 2;

    /// <summary>First retry delay; doubles per attempt. Default 200 ms.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest retry delay (a larger <c>Retry-After</c> is still honoured, up to 5 minutes). Default 30 seconds.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gzip request bodies. Default <c>true</c>.</summary>
    public bool Compress { get; set; } = true;

    /// <summary>
    /// CA certificate (PEM or DER file) an HTTPS endpoint's certificate must chain to, for a gateway or cluster
    /// behind a private CA such as the compose stack's. Default none: the system trust store decides.
    /// </summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>
    /// Directory of the durable buffer; null (the default) keeps the queue in memory only. With a directory, events
    /// are written to disk before they are sent and survive restarts and long outages.
    /// </summary>
    public string? BufferDirectory { get; set; }

    /// <summary>Size limit of the durable buffer in bytes. Default 1 GiB.</summary>
    public long BufferMaxBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>What the durable buffer does when full. Default <see cref="BufferFullMode.RefuseNew"/>.</summary>
    public BufferFullMode BufferFullMode { get; set; } = BufferFullMode.RefuseNew;

    /// <summary>
    /// NDJSON file receiving permanently rejected events with the reason. Default: <c>deadletter.ndjson</c> in
    /// <see cref="BufferDirectory"/> when that is set, else none (failures still reach the callback and metrics).
    /// </summary>
    public string? DeadLetterPath { get; set; }

    /// <summary>How long dispose (<c>Log.CloseAndFlush()</c>) waits for queued events to be delivered. Default 10 seconds.</summary>
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Called (on any thread; must not throw or block) with failed events and the reason. Default none.</summary>
    public Action<SinkFailure>? OnFailure { get; set; }

    /// <summary>The sink's counters. Keep a reference to read them; a new instance by default.</summary>
    public SinkMetrics Metrics { get; set; } = new();

    /// <summary>Formatting limits and redaction for the ECS documents.</summary>
    public EcsFormatterOptions Formatting { get; set; } = new();

    /// <summary>Clock for batching periods and backoff delays. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal string? ResolvedDeadLetterPath =>
        DeadLetterPath ?? (BufferDirectory is null ? null : Path.Combine(BufferDirectory, "deadletter.ndjson"));

    internal virtual void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueLimit, 1, nameof(QueueLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSizeLimit, 1, nameof(BatchSizeLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchBytesLimit, 1024, nameof(BatchBytesLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentBatches, 1, nameof(MaxConcurrentBatches));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxConcurrentBatches, 16, nameof(MaxConcurrentBatches));
        ArgumentOutOfRangeException.ThrowIfLessThan(BufferMaxBytes, 64 * 1024, nameof(BufferMaxBytes));
        if (CaCertificatePath is not null && !File.Exists(CaCertificatePath))
        {
            throw new ArgumentException($"The CA certificate file '{CaCertificatePath}' does not exist.", nameof(CaCertificatePath));
        }
    }
}
