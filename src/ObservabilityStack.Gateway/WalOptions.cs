namespace ObservabilityStack.Gateway;

/// <summary>Write-ahead log sizing.</summary>
public sealed class WalOptions
{
    /// <summary>A segment is closed and a new one started above this size. Default 64 MiB.</summary>
    public long SegmentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Disk quota for undelivered events; intake answers 429 above it. Default 2 GiB.</summary>
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Fraction of <see cref="MaxBytes"/> above which <c>/health/ready</c> reports not ready. Default 0.8.</summary>
    public double HighWaterMark { get; set; } = 0.8;

    /// <summary>When false, appends are not fsynced (tests and benchmarks of the rest only). Default true.</summary>
    public bool Fsync { get; set; } = true;
}
