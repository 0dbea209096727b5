namespace ObservabilityStack.Agent.Parsing;

/// <summary>
/// Postfix syslog lines, the mail-server logs support staff search (seed 000):
/// <c>Nov 21 10:00:01 mx1 postfix/smtp[4242]: 4F2A1C0B3D: to=&lt;ana@example.com&gt;, relay=mx.example.com[10.0.0.2]:25, delay=0.4, dsn=2.0.0, status=sent (250 ok)</c>
/// becomes <c>event.action: mail.sent</c> with <c>labels.queue_id</c>, <c>labels.to</c>, <c>labels.status</c> and so on,
/// the fields the "Mail delivery events" saved search shows.
/// </summary>
internal static class MailLogParser
{
    private static readonly System.Buffers.SearchValues<char> ValueEnd = System.Buffers.SearchValues.Create(", ");
    private static readonly string[] Keys = ["from", "to", "relay", "delay", "dsn", "status", "client", "message-id", "orig_to"];

    public static AgentEvent? TryParse(string line, TimeProvider clock)
    {
        if (SyslogPrefix.TryParse(line, clock) is not { } syslog || !IsMailProgram(syslog.Program))
        {
            return null;
        }

        var e = new AgentEvent { Message = syslog.Text, Timestamp = syslog.Timestamp, Level = "info" };
        e.Labels.Add(new("program", syslog.Program));
        e.Labels.Add(new("syslog_host", syslog.Host));
        var text = syslog.Text;
        if (text.StartsWith("NOQUEUE: reject:", StringComparison.Ordinal))
        {
            e.Action = "mail.rejected";
            e.Level = "warn";
            AddPairs(e, text);
            return e;
        }

        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && IsQueueId(text.AsSpan(0, colon)))
        {
            e.Labels.Add(new("queue_id", text[..colon]));
            var body = text[(colon + 2)..];
            AddPairs(e, body);
            var status = e.Labels.FirstOrDefault(l => l.Key == "status").Value;
            (e.Action, e.Level) = status switch
            {
                "sent" => ("mail.sent", "info"),
                "deferred" => ("mail.deferred", "warn"),
                "bounced" => ("mail.bounced", "error"),
                "expired" => ("mail.expired", "error"),
                _ when body == "removed" => ("mail.removed", "info"),
                _ when body.StartsWith("from=", StringComparison.Ordinal) => ("mail.queued", "info"),
                _ when body.StartsWith("client=", StringComparison.Ordinal) => ("mail.received", "info"),
                _ => ("mail.event", "info"),
            };
        }

        return e;
    }

    private static bool IsMailProgram(string program) =>
        program.StartsWith("postfix", StringComparison.Ordinal) || program is "sendmail" or "sm-mta" or "exim";

    // Postfix queue ids: hex (short ids) or base-52-ish long ids, at least 6 characters.
    private static bool IsQueueId(ReadOnlySpan<char> text)
    {
        if (text.Length < 6 || text.Length > 20)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // key=value pairs separated by ", "; a value in <...> loses its brackets; the status keeps its reason in "( )".
    private static void AddPairs(AgentEvent e, string text)
    {
        foreach (var key in Keys)
        {
            var at = text.IndexOf(key + "=", StringComparison.Ordinal);
            if (at < 0 || (at > 0 && text[at - 1] != ' ' && text[at - 1] != ','))
            {
                continue;
            }

            var start = at + key.Length + 1;
            var end = text.AsSpan(start).IndexOfAny(ValueEnd);
            end = end < 0 ? -1 : start + end;
            var value = (end < 0 ? text[start..] : text[start..end]).Trim('<', '>');
            if (value.Length > 0)
            {
                e.Labels.Add(new(key.Replace('-', '_'), value));
            }
        }

        var reason = text.LastIndexOf(" (", StringComparison.Ordinal);
        if (reason > 0 && text[^1] == ')')
        {
            e.Labels.Add(new("reason", text[(reason + 2)..^1]));
        }
    }
}
