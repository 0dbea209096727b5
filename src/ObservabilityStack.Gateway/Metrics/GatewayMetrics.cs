namespace ObservabilityStack.Gateway.Metrics;

/// <summary>Counters behind <c>/metrics</c>: every acceptance, rejection, retry and dead letter is counted here.</summary>
internal sealed class GatewayMetrics
{
    private long _accepted;
    private long _delivered;
    private long _duplicates;
    private long _retried;
    private long _deadLettered;
    private long _deadLetterFailed;
    private long _bulkRequests;
    private long _bulkFailures;
    private long _provisioned;
    private long _provisioningFailures;

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Retried => Interlocked.Read(ref _retried);

    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    public long DeadLetterFailed => Interlocked.Read(ref _deadLetterFailed);

    public long BulkRequests => Interlocked.Read(ref _bulkRequests);

    public long BulkFailures => Interlocked.Read(ref _bulkFailures);

    public long Provisioned => Interlocked.Read(ref _provisioned);

    public long ProvisioningFailures => Interlocked.Read(ref _provisioningFailures);

    public void AddProvisioned() => Interlocked.Increment(ref _provisioned);

    public void AddProvisioningFailure() => Interlocked.Increment(ref _provisioningFailures);

    /// <summary>Time of the last successful answer from Elasticsearch (ticks of the clock), for readiness.</summary>
    public long LastElasticsearchSuccessTicks { get; set; }

    public void AddAccepted(int count) => Interlocked.Add(ref _accepted, count);

    public void AddDelivered(int count) => Interlocked.Add(ref _delivered, count);

    public void AddDuplicates(int count) => Interlocked.Add(ref _duplicates, count);

    public void AddRetried(int count) => Interlocked.Add(ref _retried, count);

    public void AddDeadLettered(int count) => Interlocked.Add(ref _deadLettered, count);

    public void AddDeadLetterFailed(int count) => Interlocked.Add(ref _deadLetterFailed, count);

    public void AddBulkRequest(bool failed)
    {
        Interlocked.Increment(ref _bulkRequests);
        if (failed)
        {
            Interlocked.Increment(ref _bulkFailures);
        }
    }

    /// <summary>Events or requests rejected, by reason.</summary>
    public ReasonCounters Rejections { get; } = new();

    public void AddRejected(string reason, int count = 1) => Rejections.Add(reason, count);

    public long Rejected(string reason) => Rejections.Get(reason);

    /// <summary>Time from acceptance to confirmed delivery of each event.</summary>
    public Histogram DeliveryLatency { get; } = new(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300);

    /// <summary>
    /// Time from the start of an intake request's handler to its answer (body read, scan, WAL append and
    /// fsync wait), the gateway's own share of the client's latency.
    /// </summary>
    public Histogram IntakeDuration { get; } = new(LatencyBoundsSeconds);

    /// <summary>Bucket bounds for intake-path latencies: fine around the 50 ms target.</summary>
    public static double[] LatencyBoundsSeconds => [0.0005, 0.001, 0.002, 0.005, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.2, 0.5, 1, 5];
}
