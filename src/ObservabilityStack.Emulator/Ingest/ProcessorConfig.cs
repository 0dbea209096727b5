using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Ingest;

/// <summary>Reads a processor's options with Elasticsearch's <c>parse_exception</c> for missing or malformed ones.</summary>
internal sealed class ProcessorConfig(string type, JsonObject options)
{
    public string Type { get; } = type;

    public JsonObject Options { get; } = options;

    public JsonNode? Node(string name) => Options[name];

    public string Required(string name) => Optional(name) ?? throw Error(name, "required property is missing");

    public string? Optional(string name) => Options[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => throw Error(name, $"property isn't a string, but of type [{other.GetValueKind().ToString().ToLowerInvariant()}]"),
    };

    public bool Flag(string name, bool defaultValue) => Options[name] switch
    {
        null => defaultValue,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var parsed) => parsed,
        _ => throw Error(name, "property isn't a boolean"),
    };

    /// <summary>A string or a list of strings.</summary>
    public List<string> Strings(string name) => Options[name] switch
    {
        null => throw Error(name, "required property is missing"),
        JsonArray list => list.Select(n => n?.GetValue<string>() ?? string.Empty).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => throw Error(name, "property isn't a list or a string"),
    };

    public EmulatorException Error(string property, string message) =>
        new(400, "parse_exception", $"[{property}] {message}")
        {
            Metadata = [new("property_name", property), new("processor_type", Type)],
        };
}
