using System.Text.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Agent.Configuration;

namespace ObservabilityStack.Agent.Parsing;

/// <summary>Turns a line into an <see cref="AgentEvent"/> with the configured parser.</summary>
internal static class LineParser
{
    public static AgentEvent Parse(string line, ParserKind kind, TimeProvider clock)
    {
        switch (kind)
        {
            case ParserKind.Json:
                return TryJson(line) ?? WithLabel(PlainLineParser.Parse(line, clock), "parse_error", "not a JSON object");
            case ParserKind.Mail:
                return MailLogParser.TryParse(line, clock) ?? PlainLineParser.Parse(line, clock);
            case ParserKind.Plain:
                return PlainLineParser.Parse(line, clock);
            default:
                return (line.Length > 0 && line[0] == '{' ? TryJson(line) : null)
                    ?? MailLogParser.TryParse(line, clock)
                    ?? PlainLineParser.Parse(line, clock);
        }
    }

    private static AgentEvent? TryJson(string line)
    {
        try
        {
            if (JsonNode.Parse(line) is JsonObject json)
            {
                var message = json["message"] ?? json["msg"];
                return new AgentEvent { Message = message is JsonValue v && v.TryGetValue<string>(out var text) ? text : line, Json = json };
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static AgentEvent WithLabel(AgentEvent e, string name, string value)
    {
        e.Labels.Add(new(name, value));
        return e;
    }
}
