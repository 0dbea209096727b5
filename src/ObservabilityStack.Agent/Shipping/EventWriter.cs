using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Agent.Parsing;
using ObservabilityStack.Agent.Reading;

namespace ObservabilityStack.Agent.Shipping;

/// <summary>
/// Writes an event as the JSON the gateway's <c>/v1/logs</c> takes. The <c>event.id</c> is derived from the
/// source, the file's identity and the line's offset, so a line sent twice (a crash after the gateway's 202
/// and before the position was saved) carries the same id and Elasticsearch keeps one copy.
/// </summary>
internal static class EventWriter
{
    public static string EventId(string source, string fingerprint, long offset)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{source}\n{fingerprint}\n{offset}"));
        return "agent-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    public static byte[] Write(AgentEvent e, LogLine line, string source, string? environment, string? label)
    {
        var id = EventId(source, line.Fingerprint, line.Offset);
        if (e.Json is { } json)
        {
            // The line's own fields win; the agent adds only what is missing.
            if (json["event.id"] is null)
            {
                Child(json, "event").TryAdd("id", id);
            }

            if (json["host.name"] is null)
            {
                Child(json, "host").TryAdd("name", source);
            }

            var log = Child(json, "log");
            Child(log, "file")["path"] = line.Path;
            log["offset"] = line.Offset;
            if (environment is not null && json["service.environment"] is null)
            {
                Child(json, "service").TryAdd("environment", environment);
            }

            return JsonSerializer.SerializeToUtf8Bytes(json);
        }

        using var buffer = new MemoryStream(256 + line.Text.Length);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (e.Timestamp is not null)
            {
                w.WriteString("@timestamp", e.Timestamp);
            }

            w.WriteString("message", e.Message);
            if (e.Level is not null)
            {
                w.WriteString("level", e.Level);
            }

            w.WriteStartObject("event");
            w.WriteString("id", id);
            if (e.Action is not null)
            {
                w.WriteString("action", e.Action);
            }

            w.WriteEndObject();
            w.WriteStartObject("host");
            w.WriteString("name", source);
            w.WriteEndObject();
            if (environment is not null)
            {
                w.WriteStartObject("service");
                w.WriteString("environment", environment);
                w.WriteEndObject();
            }

            w.WriteStartObject("log");
            w.WriteStartObject("file");
            w.WriteString("path", line.Path);
            w.WriteEndObject();
            w.WriteNumber("offset", line.Offset);
            w.WriteEndObject();
            if (e.Labels.Count > 0 || label is not null || line.Truncated)
            {
                w.WriteStartObject("labels");
                foreach (var (name, value) in e.Labels)
                {
                    w.WriteString(name, value);
                }

                if (label is not null)
                {
                    w.WriteString("command", label);
                }

                if (line.Truncated)
                {
                    w.WriteString("truncated", "true");
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // The object under name, created when missing (a non-object value there is left alone: the line's own data wins).
    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        if (parent.ContainsKey(name))
        {
            return new JsonObject();
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }
}
