using System.Text.Json.Nodes;

namespace ObservabilityStack.Conformance.Execution;

/// <summary>Null-safe navigation: responses are not always objects (text bodies, HEAD booleans).</summary>
public static class JsonNodeExtensions
{
    /// <summary>The property <paramref name="key"/> when <paramref name="node"/> is an object holding it, else null.</summary>
    public static JsonNode? Prop(this JsonNode? node, string key) =>
        node is JsonObject obj && obj.TryGetPropertyValue(key, out var value) ? value : null;
}
