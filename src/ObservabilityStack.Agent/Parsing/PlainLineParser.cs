using System.Globalization;
using ObservabilityStack.Elasticsearch.Ecs;

namespace ObservabilityStack.Agent.Parsing;

/// <summary>
/// A text line: a leading timestamp (ISO 8601, <c>2026-11-21 10:00:00,123</c> as log4j writes it, or syslog's) and a
/// level word are recognised as <see cref="LogLineFields"/> reads them (the gateway reads ticket lines the same way);
/// the rest, without a leading level word, is the message.
/// </summary>
internal static class PlainLineParser
{
    public static AgentEvent Parse(string line, TimeProvider clock)
    {
        if (SyslogPrefix.TryParse(line, clock) is { } syslog)
        {
            var e = new AgentEvent { Message = syslog.Text, Timestamp = syslog.Timestamp, Level = LogLineFields.FindLevel(syslog.Text)?.Level };
            e.Labels.Add(new("program", syslog.Program));
            e.Labels.Add(new("syslog_host", syslog.Host));
            return e;
        }

        var rest = line;
        string? timestamp = null;
        if (LogLineFields.TryReadTimestamp(line, out var at, out var length))
        {
            timestamp = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            rest = length < line.Length && line[length] == ' ' ? line[(length + 1)..] : line[length..];
        }

        var level = LogLineFields.FindLevel(rest);
        var message = level is { Leading: true } word ? WithoutWord(rest, word) : rest;
        return new AgentEvent { Message = message, Timestamp = timestamp, Level = level?.Level };
    }

    // "[WARN] slow query" is "slow query": a leading level word names the level, it says nothing.
    private static string WithoutWord(string text, LevelWord word)
    {
        var end = word.Start + word.Length;
        return (text[..word.Start] + (end < text.Length ? text[(end + 1)..] : string.Empty)).Trim();
    }
}
