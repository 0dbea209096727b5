using System.Text.RegularExpressions;

namespace ObservabilityStack.Elasticsearch.Ecs;

/// <summary>
/// Reads the ECS fields a plain-text log line carries: <c>@timestamp</c> from a leading timestamp and <c>log.level</c>
/// from a level word. The agent (lines it tails) and the gateway (lines of uploaded ticket files) both read lines with
/// it, so one line gets the same fields whichever way it arrives.
/// </summary>
public static partial class LogLineFields
{
    // How far into a line an upper-case level word that is not among the first words is looked for.
    private const int LevelSearchLength = 120;

    // The first words where a level word in any case counts ("[error]", "Warning:", "level=info").
    private const int LeadingWords = 3;

    // Upper case only past the first words: there "error" is as likely prose as a level.
    [GeneratedRegex(@"(?<![A-Za-z])(TRACE|TRC|VERBOSE|VRB|DEBUG|DBG|INFO|INFORMATION|INF|NOTICE|WARN|WARNING|WRN|ERROR|ERR|EROR|FATAL|FTL|CRITICAL|CRIT|ALERT|EMERG|PANIC|SEVERE)(?![A-Za-z])",
        RegexOptions.CultureInvariant)]
    private static partial Regex UpperCaseLevel();

    /// <summary>
    /// Reads the timestamp <paramref name="line"/> starts with: ISO 8601 with <c>T</c> or a space, a fraction after
    /// <c>.</c> or <c>,</c> (log4j) of up to 9 digits (7 kept), an offset <c>Z</c>, <c>+02:00</c> or <c>+0200</c>, also
    /// after a space, optionally in square brackets. No offset means UTC.
    /// </summary>
    /// <param name="line">The log line.</param>
    /// <param name="timestamp">The timestamp in UTC.</param>
    /// <param name="length">How many characters the timestamp takes, with its closing bracket.</param>
    /// <returns>Whether the line starts with a valid timestamp.</returns>
    public static bool TryReadTimestamp(string line, out DateTimeOffset timestamp, out int length) =>
        LeadingTimestamp.TryRead(line, out timestamp, out length);

    /// <summary>The timestamp the line starts with, in UTC, or null (see <see cref="TryReadTimestamp"/>).</summary>
    /// <param name="line">The log line.</param>
    public static DateTimeOffset? TimestampOf(string line) => TryReadTimestamp(line, out var at, out _) ? at : null;

    /// <summary>The ECS level of the line's level word after its leading timestamp (see <see cref="FindLevel"/>), or null.</summary>
    /// <param name="line">The log line.</param>
    public static string? LevelOf(string line) =>
        FindLevel(TryReadTimestamp(line, out _, out var length) ? line[length..] : line)?.Level;

    /// <summary>
    /// Finds the level word of <paramref name="text"/> (a line without its timestamp): among its first three words in any
    /// case, bracketed, with a colon or as <c>level=</c> (<c>[error]</c>, <c>Warning:</c>, <c>level=info</c>); otherwise
    /// the first upper-case level word in its first 120 characters (<c>[10:15:30 WRN]</c>, <c>app.py ERROR:</c>).
    /// </summary>
    /// <param name="text">The line, or what follows its timestamp.</param>
    /// <returns>The word and its ECS level, or null when the text names no level.</returns>
    public static LevelWord? FindLevel(string text)
    {
        var position = 0;
        for (var word = 0; word < LeadingWords && position < text.Length; word++)
        {
            // Words are apart by one space or more ("INFO  app" pads levels to one width).
            while (position < text.Length && text[position] == ' ')
            {
                position++;
            }

            var end = text.IndexOf(' ', position);
            var raw = end < 0 ? text.AsSpan(position) : text.AsSpan(position, end - position);
            var token = raw.Trim("[]:()<>");
            if (token.StartsWith("level=", StringComparison.OrdinalIgnoreCase))
            {
                token = token[6..];
            }

            if (NormalizeLevel(token) is { } level)
            {
                return new LevelWord(level, position, raw.Length, Leading: true);
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
        }

        var match = UpperCaseLevel().Match(text, 0, Math.Min(text.Length, LevelSearchLength));
        return match.Success ? new LevelWord(NormalizeLevel(match.ValueSpan)!, match.Index, match.Length, Leading: false) : null;
    }

    /// <summary>
    /// The ECS level (<c>trace|debug|info|warn|error|fatal</c>) a level word means in any case, from Serilog's short
    /// forms (<c>WRN</c>) to syslog's severities (<c>crit</c>, <c>emerg</c>), or null when it is no level word.
    /// </summary>
    /// <param name="word">The word, without brackets.</param>
    public static string? NormalizeLevel(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[11];
        if (word.Length > lower.Length)
        {
            return null;
        }

        var name = lower[..word.ToLowerInvariant(lower)];
        return name switch
        {
            "trace" or "trc" or "verbose" or "vrb" => "trace",
            "debug" or "dbg" => "debug",
            "info" or "inf" or "information" or "notice" => "info",
            "warn" or "wrn" or "warning" => "warn",
            "error" or "err" or "eror" or "severe" => "error",
            "fatal" or "ftl" or "critical" or "crit" or "alert" or "emerg" or "panic" => "fatal",
            _ => null,
        };
    }
}
