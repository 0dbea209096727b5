using System.Text.Json.Nodes;

namespace ObservabilityStack.Agent.Parsing;

/// <summary>What a parser made of a line: the message and the fields it recognised.</summary>
internal sealed class AgentEvent
{
    /// <summary>The message (the whole line when nothing more was recognised).</summary>
    public required string Message { get; set; }

    /// <summary>The line's own timestamp, ISO 8601; null to let the gateway use arrival time.</summary>
    public string? Timestamp { get; set; }

    /// <summary>The line's level word as written (the gateway normalises it).</summary>
    public string? Level { get; set; }

    /// <summary>ECS <c>event.action</c>, e.g. <c>mail.sent</c>.</summary>
    public string? Action { get; set; }

    /// <summary>String labels, written as <c>labels.*</c>.</summary>
    public List<KeyValuePair<string, string>> Labels { get; } = [];

    /// <summary>For JSON lines: the object as sent, shipped with the agent's fields added.</summary>
    public JsonObject? Json { get; set; }
}
