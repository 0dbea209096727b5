using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Mapping;

/// <summary>
/// One field of a mapping: its type, its other parameters kept as given (so GET _mapping returns them),
/// object sub-properties and multi-fields. Mutated only under the owning index's write lock.
/// </summary>
internal sealed class FieldMapping
{
    public FieldMapping(string type, JsonObject? parameters = null)
    {
        Type = type;
        Parameters = parameters ?? [];
    }

    public string Type { get; set; }

    /// <summary>The full dotted path, kept so document parsing never has to build path strings.</summary>
    public string Path { get; set; } = "";

    /// <summary>Parameters other than type, properties and fields (format, ignore_above, value, dynamic...).</summary>
    public JsonObject Parameters { get; }

    /// <summary>True when the mapping was given with an explicit "type": "object" (kept for round trips).</summary>
    public bool ExplicitObjectType { get; set; }

    public Dictionary<string, FieldMapping>? Properties { get; set; }

    public Dictionary<string, FieldMapping>? Fields { get; set; }

    public bool IsObject => FieldTypes.IsObject(Type);

    public string? Format => Parameters["format"]?.GetValue<string>();

    public string? Dynamic => Parameters["dynamic"]?.ToString()?.ToLowerInvariant();

    public int? IgnoreAbove => Parameters["ignore_above"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;

    public static FieldMapping Object(string path = "") => new("object") { Path = path, Properties = new(StringComparer.Ordinal) };

    /// <summary>Parses a field definition. <paramref name="path"/> is used in error messages.</summary>
    public static FieldMapping Parse(string path, JsonNode? definition)
    {
        if (definition is not JsonObject def)
        {
            throw new EmulatorException(400, "mapper_parsing_exception",
                $"Expected map for property [fields] on field [{path}] but got a class java.lang.String");
        }

        var type = def["type"]?.GetValue<string>() ?? "object";
        if (!FieldTypes.IsKnown(type))
        {
            throw new EmulatorException(400, "mapper_parsing_exception",
                $"No handler for type [{type}] declared on field [{path}]");
        }

        var field = new FieldMapping(type) { Path = path, ExplicitObjectType = def["type"] is not null && FieldTypes.IsObject(type) };
        foreach (var (key, value) in def)
        {
            switch (key)
            {
                case "type":
                    break;
                case "properties" when value is JsonObject props:
                    field.Properties = ParseProperties(path, props);
                    break;
                case "fields" when value is JsonObject fields:
                    field.Fields = new(StringComparer.Ordinal);
                    foreach (var (name, sub) in fields)
                    {
                        field.Fields[name] = Parse($"{path}.{name}", sub);
                    }

                    break;
                default:
                    field.Parameters[key] = value?.DeepClone();
                    break;
            }
        }

        if (field.IsObject)
        {
            field.Properties ??= new(StringComparer.Ordinal);
        }

        if (FieldTypes.IsDate(type) && field.Format is { } format && !DateFormats.TryParse("2024-01-01", format, out _)
            && !format.Contains("epoch", StringComparison.Ordinal) && !format.Contains('y', StringComparison.Ordinal))
        {
            throw new EmulatorException(400, "mapper_parsing_exception",
                $"Invalid format: [{format}]: Unknown pattern letter");
        }

        return field;
    }

    public static Dictionary<string, FieldMapping> ParseProperties(string prefix, JsonObject properties)
    {
        var result = new Dictionary<string, FieldMapping>(StringComparer.Ordinal);
        foreach (var (name, definition) in properties)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw EmulatorException.IllegalArgument("field name cannot be an empty string");
            }

            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            // A dotted name in a mapping means nested objects, as in Elasticsearch.
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                var head = name[..dot];
                var wrapper = new JsonObject { ["properties"] = new JsonObject { [name[(dot + 1)..]] = definition?.DeepClone() } };
                var parsed = Parse(prefix.Length == 0 ? head : $"{prefix}.{head}", wrapper);
                if (result.TryGetValue(head, out var existing))
                {
                    MappingMerger.Merge(existing, parsed, path);
                }
                else
                {
                    result[head] = parsed;
                }

                continue;
            }

            result[name] = Parse(path, definition);
        }

        return result;
    }

    /// <summary>The JSON form Elasticsearch answers with (objects without "type", properties sorted).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (!IsObject || ExplicitObjectType && Type != "object")
        {
            json["type"] = Type;
        }

        foreach (var (key, value) in Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json[key] = value?.DeepClone();
        }

        if (Fields is { Count: > 0 })
        {
            json["fields"] = SortedJson(Fields);
        }

        if (Properties is { Count: > 0 })
        {
            json["properties"] = SortedJson(Properties);
        }
        else if (IsObject && Type == "object" && !ExplicitObjectType && Parameters.Count == 0)
        {
            json["type"] = "object";
        }

        return json;
    }

    public static JsonObject SortedJson(Dictionary<string, FieldMapping> fields)
    {
        var json = new JsonObject();
        foreach (var (name, field) in fields.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json[name] = field.ToJson();
        }

        return json;
    }

    public FieldMapping Clone()
    {
        var clone = new FieldMapping(Type, (JsonObject)Parameters.DeepClone()) { Path = Path, ExplicitObjectType = ExplicitObjectType };
        clone.Properties = Properties?.ToDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.Ordinal);
        clone.Fields = Fields?.ToDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.Ordinal);
        return clone;
    }
}
