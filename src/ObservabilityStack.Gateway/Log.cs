using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Gateway;

/// <summary>The gateway's own structured log events, with fixed event ids. Never logs keys or bodies.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Gateway listening on {Url}, delivering to {Elasticsearch}, log in {Directory}")]
    public static partial void Started(ILogger logger, string url, string elasticsearch, string directory);

    [LoggerMessage(2, LogLevel.Warning, "Dropped a torn tail of {Bytes} bytes from {Segment} (never acknowledged)")]
    public static partial void TornTailDropped(ILogger logger, long bytes, string segment);

    [LoggerMessage(3, LogLevel.Error, "Checksum mismatch at log position {Position}; skipped {Bytes} bytes of damaged log")]
    public static partial void CorruptRecord(ILogger logger, long position, long bytes);

    [LoggerMessage(4, LogLevel.Information, "Loaded {Count} API keys from {Path}")]
    public static partial void KeysLoaded(ILogger logger, int count, string path);

    [LoggerMessage(5, LogLevel.Warning, "Could not reload API keys from {Path}: {Error}; keeping the previous keys")]
    public static partial void KeysReloadFailed(ILogger logger, string path, string error);

    [LoggerMessage(6, LogLevel.Warning, "Bulk request failed with {Status}: {Reason}; retrying {Count} events in {DelayMs} ms")]
    public static partial void BulkRetry(ILogger logger, int status, string reason, int count, int delayMs);

    [LoggerMessage(7, LogLevel.Warning, "Elasticsearch rejected event {Id} for {Index}: {Type}: {Reason}; dead-lettered")]
    public static partial void DeadLettered(ILogger logger, string id, string index, string type, string reason);

    [LoggerMessage(8, LogLevel.Error, "Dead-letter write for event {Id} was refused: {Status} {Reason}; the event is counted as lost")]
    public static partial void DeadLetterFailed(ILogger logger, string id, int status, string reason);

    [LoggerMessage(9, LogLevel.Information, "Replaying the log from position {Position} ({Bytes} bytes undelivered)")]
    public static partial void Replaying(ILogger logger, long position, long bytes);

    [LoggerMessage(10, LogLevel.Warning, "Intake refused: disk quota of {Quota} bytes reached ({Queued} bytes undelivered)")]
    public static partial void QuotaReached(ILogger logger, long quota, long queued);

    [LoggerMessage(11, LogLevel.Error, "Unexpected intake failure on {Path}")]
    public static partial void IntakeFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(12, LogLevel.Information, "Configuration reloaded")]
    public static partial void ConfigurationReloaded(ILogger logger);

    [LoggerMessage(13, LogLevel.Information, "First events for {Index} (service {Service}): provisioned {Changes}")]
    public static partial void StreamProvisioned(ILogger logger, string index, string service, string changes);

    [LoggerMessage(14, LogLevel.Warning, "Provisioning for a first-seen data stream failed: {Reason}; retrying in {DelayMs} ms")]
    public static partial void ProvisioningRetry(ILogger logger, string reason, int delayMs);

    [LoggerMessage(15, LogLevel.Error, "Write-ahead log fsync failed; the appends waiting for it are refused (no 202)")]
    public static partial void FsyncFailed(ILogger logger, Exception exception);
}
