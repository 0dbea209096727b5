using System.Globalization;

namespace ObservabilityStack.Agent.Parsing;

/// <summary>
/// A text line: a leading timestamp (ISO 8601, <c>2026-11-21 10:00:00,123</c> as log4j writes it, or
/// syslog's) and a level word among the first few words are recognised; the rest is the message.
/// </summary>
internal static class PlainLineParser
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss,FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss,FFFFFFF",
    ];

    private static readonly HashSet<string> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        "trace", "trc", "verbose", "vrb", "debug", "dbg", "info", "inf", "information", "notice", "warn", "wrn", "warning",
        "error", "err", "eror", "fatal", "ftl", "critical", "crit", "alert", "emerg", "panic", "severe",
    };

    public static AgentEvent Parse(string line, TimeProvider clock)
    {
        if (SyslogPrefix.TryParse(line, clock) is { } syslog)
        {
            var e = new AgentEvent { Message = syslog.Text, Timestamp = syslog.Timestamp, Level = FindLevel(syslog.Text, out _) };
            e.Labels.Add(new("program", syslog.Program));
            e.Labels.Add(new("syslog_host", syslog.Host));
            return e;
        }

        var rest = line;
        string? timestamp = null;
        if (line.Length >= 19 && char.IsAsciiDigit(line[0]) && line[4] == '-' && line[7] == '-')
        {
            var end = line.IndexOf(' ', 19 <= line.Length - 1 && line[10] == ' ' ? 19 : 10);
            var candidate = end < 0 ? line : line[..end];
            if (DateTimeOffset.TryParseExact(candidate, IsoFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                timestamp = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                rest = end < 0 ? "" : line[(end + 1)..];
            }
        }

        var level = FindLevel(rest, out var afterLevel);
        return new AgentEvent { Message = level is null ? (timestamp is null ? line : rest) : afterLevel, Timestamp = timestamp, Level = level };
    }

    // Looks at the first three words, with brackets or a trailing colon stripped: "[ERROR]", "ERROR:", "level=error".
    private static string? FindLevel(string text, out string rest)
    {
        rest = text;
        var position = 0;
        for (var word = 0; word < 3 && position < text.Length; word++)
        {
            var end = text.IndexOf(' ', position);
            var token = (end < 0 ? text[position..] : text[position..end]).Trim('[', ']', ':', '(', ')', '<', '>');
            if (token.StartsWith("level=", StringComparison.OrdinalIgnoreCase))
            {
                token = token[6..];
            }

            if (Levels.Contains(token))
            {
                rest = (text[..position] + (end < 0 ? "" : text[(end + 1)..])).Trim();
                return token.ToLowerInvariant();
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
        }

        return null;
    }
}
