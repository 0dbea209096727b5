using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Log messages of the tickets feature (event ids 300-319). Tokens are never logged.</summary>
internal static partial class TicketLog
{
    [LoggerMessage(300, LogLevel.Information, "Loaded {Count} tickets from {Path}")]
    public static partial void Loaded(ILogger logger, int count, string path);

    [LoggerMessage(301, LogLevel.Warning, "Could not reload tickets from {Path}: {Error}; keeping the previous tickets")]
    public static partial void ReloadFailed(ILogger logger, string path, string error);

    [LoggerMessage(302, LogLevel.Information, "Ticket {Ticket} ({Platform}) created, expires {Expires:u}")]
    public static partial void Created(ILogger logger, string ticket, string platform, DateTimeOffset expires);

    [LoggerMessage(303, LogLevel.Information, "Ticket {Ticket}: upload {Upload} accepted ({Bytes} bytes, {Entries} files, {Lines} lines)")]
    public static partial void UploadAccepted(ILogger logger, string ticket, string upload, long bytes, int entries, long lines);

    [LoggerMessage(304, LogLevel.Warning, "Ticket upload refused ({Status} {Kind}): {Reason}")]
    public static partial void UploadRefused(ILogger logger, int status, string kind, string reason);

    [LoggerMessage(305, LogLevel.Information, "Ticket {Ticket} {Action}")]
    public static partial void Changed(ILogger logger, string ticket, string action);

    [LoggerMessage(306, LogLevel.Information, "Ticket {Ticket} deleted: {Files} stored files and {Documents} indexed documents removed")]
    public static partial void Deleted(ILogger logger, string ticket, int files, long documents);

    [LoggerMessage(307, LogLevel.Warning, "Ticket {Ticket}: upload {Upload} was stored but not recorded when the gateway stopped; its receipt matches, so it is recorded now ({Bytes} bytes, {Lines} lines indexed again)")]
    public static partial void UploadRecovered(ILogger logger, string ticket, string upload, long bytes, long lines);

    [LoggerMessage(308, LogLevel.Warning, "Ticket {Ticket}: unrecorded upload directory {Upload} moved to {Target}: {Reason}")]
    public static partial void UploadQuarantined(ILogger logger, string ticket, string upload, string reason, string target);

    [LoggerMessage(309, LogLevel.Information, "Removed temporary upload file {Path}, {Age} old (an upload interrupted before its answer)")]
    public static partial void TemporaryFileRemoved(ILogger logger, string path, TimeSpan age);

    [LoggerMessage(310, LogLevel.Information, "Kept temporary upload file {Path}: only {Age} old, maybe an upload in progress")]
    public static partial void TemporaryFileKept(ILogger logger, string path, TimeSpan age);

    [LoggerMessage(311, LogLevel.Warning, "Ticket start-up check: {Recovered} uploads recovered, {Quarantined} quarantined, {Removed} temporary files removed, {Kept} kept, {Failed} not checked")]
    public static partial void StartupChecked(ILogger logger, int recovered, int quarantined, int removed, int kept, int failed);

    [LoggerMessage(312, LogLevel.Error, "Ticket start-up check could not handle {Path}: {Error}; left as it is")]
    public static partial void StartupCheckFailed(ILogger logger, string path, string error);
}
