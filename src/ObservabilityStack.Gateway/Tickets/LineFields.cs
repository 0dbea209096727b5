using System.Globalization;
using System.Text.RegularExpressions;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>What can be read off the start of a log line: its timestamp and its level word.</summary>
internal static partial class LineFields
{
    // 2026-11-22T03:45:00.123Z, 2026-11-22 03:45:00,123 +0200, [2026-11-22 03:45:00] ...
    [GeneratedRegex(@"^\[?(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?\s?(Z|[+-]\d{2}:?\d{2})?(?![\d:])", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"(?<![A-Za-z])(TRACE|VERBOSE|VRB|DEBUG|DBG|INFO|INFORMATION|INF|NOTICE|WARN|WARNING|WRN|ERROR|ERR|FATAL|FTL|CRITICAL|CRIT)(?![A-Za-z])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Level();

    /// <summary>The timestamp the line starts with, in UTC (no offset means UTC), or null.</summary>
    public static DateTimeOffset? TimestampOf(string line)
    {
        var match = Timestamp().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var fraction = match.Groups[3].Success ? "." + match.Groups[3].Value[..Math.Min(7, match.Groups[3].Length)] : string.Empty;
        var offset = match.Groups[4].Success ? match.Groups[4].Value : "Z";
        if (offset.Length == 5)
        {
            offset = offset[..3] + ":" + offset[3..];
        }

        var iso = $"{match.Groups[1].Value}T{match.Groups[2].Value}{fraction}{offset}";
        return DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
    }

    /// <summary>The ECS level of the first level word (upper case, as loggers print it) in the line's first 120 characters, or null.</summary>
    public static string? LevelOf(string line)
    {
        var match = Level().Match(line.Length > 120 ? line[..120] : line);
        return !match.Success ? null : match.Value switch
        {
            "TRACE" or "VERBOSE" or "VRB" => "trace",
            "DEBUG" or "DBG" => "debug",
            "INFO" or "INFORMATION" or "INF" or "NOTICE" => "info",
            "WARN" or "WARNING" or "WRN" => "warn",
            "ERROR" or "ERR" => "error",
            _ => "fatal",
        };
    }
}
