using System.Globalization;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Ingest.Processors;

/// <summary><c>convert</c>: integer, long, float, double, boolean, string or auto; lists element by element.</summary>
internal sealed class ConvertProcessor : Processor
{
    private static readonly string[] Types = ["integer", "long", "float", "double", "boolean", "string", "auto"];
    private readonly string _field;
    private readonly string? _target;
    private readonly string _type;
    private readonly bool _ignoreMissing;

    public ConvertProcessor(ProcessorConfig config)
    {
        _field = config.Required("field");
        _target = config.Optional("target_field");
        _type = config.Required("type");
        _ignoreMissing = config.Flag("ignore_missing", false);
        if (!Types.Contains(_type))
        {
            throw config.Error("type", $"type [{_type}] not supported, cannot convert field.");
        }
    }

    protected override void Execute(IngestDocument doc, IngestRun run)
    {
        if (!TryGet(doc, _field, _ignoreMissing, out var value))
        {
            return;
        }

        JsonNode? converted = value is JsonArray list
            ? new JsonArray(list.Select(Convert).ToArray())
            : Convert(value);
        doc.Set(_target ?? _field, converted);
    }

    private JsonNode? Convert(JsonNode? node)
    {
        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? string.Empty;
        var inv = CultureInfo.InvariantCulture;
        return _type switch
        {
            "integer" when int.TryParse(text, NumberStyles.Integer, inv, out var i) => JsonValue.Create(i),
            "long" when long.TryParse(text, NumberStyles.Integer, inv, out var l) => JsonValue.Create(l),
            "float" or "double" when double.TryParse(text, NumberStyles.Float, inv, out var d) => JsonValue.Create(d),
            "boolean" when bool.TryParse(text, out var b) => JsonValue.Create(b),
            "string" => JsonValue.Create(text),
            "auto" => Auto(text),
            _ => throw EmulatorException.IllegalArgument($"unable to convert [{text}] to {_type}"),
        };
    }

    private static JsonValue Auto(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l)
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d)
        : bool.TryParse(text, out var b) ? JsonValue.Create(b)
        : JsonValue.Create(text);
}
