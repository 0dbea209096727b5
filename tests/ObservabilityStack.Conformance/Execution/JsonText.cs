using System.Text.Json;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Conformance.Execution;

/// <summary>Renders JSON nodes as the plain text used in URLs, regex matching and messages.</summary>
public static class JsonText
{
    /// <summary>Strings as-is, numbers by their literal, booleans lower-case, null empty, containers as JSON.</summary>
    public static string Scalar(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>Compact JSON, truncated for messages.</summary>
    public static string Brief(JsonNode? node, int max = 300)
    {
        var text = node is null ? "null" : node.ToJsonString();
        return Truncate(text, max);
    }

    /// <summary>Cuts text to <paramref name="max"/> characters on one line.</summary>
    public static string Truncate(string text, int max = 300)
    {
        var oneLine = text.Replace('\n', ' ').Replace('\r', ' ');
        return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max), "...");
    }
}
