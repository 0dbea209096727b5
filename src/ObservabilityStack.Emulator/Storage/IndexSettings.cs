using System.Text.Json;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Storage;

/// <summary>Index settings kept flat (<c>index.number_of_shards</c> → <c>"1"</c>), as Elasticsearch stores them.</summary>
internal sealed class IndexSettings
{
    private readonly SortedDictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public string? this[string key]
    {
        get
        {
            lock (_sync)
            {
                return _values.GetValueOrDefault(key);
            }
        }
    }

    /// <summary>Flattens a settings body (nested, dotted or mixed) into <c>index.*</c> keys.</summary>
    public static Dictionary<string, string?> Flatten(JsonNode? body)
    {
        var flat = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (body is JsonObject o)
        {
            if (o.Count == 1 && o["settings"] is JsonObject inner)
            {
                o = inner;
            }

            Walk(o, "", flat);
        }

        return flat;
    }

    private static void Walk(JsonObject node, string prefix, Dictionary<string, string?> flat)
    {
        foreach (var (key, value) in node)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (value is JsonObject child)
            {
                Walk(child, path, flat);
                continue;
            }

            if (!path.StartsWith("index.", StringComparison.Ordinal))
            {
                path = "index." + path;
            }

            flat[path] = value switch
            {
                null => null,
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                JsonArray a => string.Join(",", a.Select(x => x?.ToString())),
                _ => value.ToJsonString(),
            };
        }
    }

    /// <summary>Applies flattened settings; a null value resets the key.</summary>
    public void Apply(Dictionary<string, string?> flat)
    {
        lock (_sync)
        {
            foreach (var (key, value) in flat)
            {
                if (value is null)
                {
                    _values.Remove(key);
                }
                else
                {
                    _values[key] = value;
                }
            }
        }
    }

    public Dictionary<string, string> Copy()
    {
        lock (_sync)
        {
            return new Dictionary<string, string>(_values, StringComparer.Ordinal);
        }
    }

    /// <summary>The nested form (<c>{"index":{"number_of_shards":"1"}}</c>) or flat when asked.</summary>
    public JsonObject ToJson(bool flatSettings)
    {
        var json = new JsonObject();
        foreach (var (key, value) in Copy().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (flatSettings)
            {
                json[key] = value;
                continue;
            }

            var parts = key.Split('.');
            var node = json;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (node[parts[i]] is not JsonObject next)
                {
                    next = [];
                    node[parts[i]] = next;
                }

                node = next;
            }

            node[parts[^1]] = value;
        }

        return json;
    }
}
