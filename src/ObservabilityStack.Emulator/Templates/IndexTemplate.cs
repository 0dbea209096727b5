using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Templates;

/// <summary>A composable index template (<c>_index_template</c>), kept as given plus its parsed keys.</summary>
internal sealed class IndexTemplate
{
    public required string Name { get; init; }

    /// <summary>The body as stored (what GET answers under <c>index_template</c>).</summary>
    public required JsonObject Body { get; init; }

    public bool BuiltIn { get; init; }

    public IReadOnlyList<string> IndexPatterns => Body["index_patterns"] switch
    {
        JsonArray a => a.Select(p => p!.ToString()).ToList(),
        JsonValue v => [v.ToString()],
        _ => [],
    };

    public long Priority => Body["priority"] is JsonValue v && v.TryGetValue<long>(out var p) ? p : 0;

    public IReadOnlyList<string> ComposedOf => Body["composed_of"] is JsonArray a ? a.Select(p => p!.ToString()).ToList() : [];

    public IReadOnlyList<string> IgnoreMissing => Body["ignore_missing_component_templates"] is JsonArray a
        ? a.Select(p => p!.ToString()).ToList()
        : [];

    public JsonObject? DataStream => Body["data_stream"] as JsonObject;

    public JsonObject? Template => Body["template"] as JsonObject;

    public bool Matches(string indexName) => IndexPatterns.Any(p => Storage.Wildcard.Matches(p, indexName));
}
