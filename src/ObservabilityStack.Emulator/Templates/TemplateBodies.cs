using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Mapping;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Templates;

/// <summary>Normalises a template's <c>template</c> block the way Elasticsearch stores it (settings nested and stringified, aliases routed).</summary>
internal static class TemplateBodies
{
    public static JsonObject? NormalizeTemplateBlock(JsonNode? node)
    {
        if (node is not JsonObject block)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (key, value) in block)
        {
            switch (key)
            {
                case "settings":
                    var settings = new IndexSettings();
                    settings.Apply(IndexSettings.Flatten(value));
                    result["settings"] = settings.ToJson(false);
                    break;
                case "mappings":
                    var mappings = new IndexMappings();
                    mappings.Merge(value as JsonObject, allowTypeChange: true);
                    result["mappings"] = mappings.ToJson();
                    break;
                case "aliases":
                    result["aliases"] = NormalizeAliases(value as JsonObject);
                    break;
                case "lifecycle" or "data_stream_options":
                    result[key] = value?.DeepClone();
                    break;
                default:
                    throw new EmulatorException(400, "x_content_parse_exception", $"[1:1] [template] unknown field [{key}]");
            }
        }

        return result;
    }

    public static JsonObject NormalizeAliases(JsonObject? aliases)
    {
        var result = new JsonObject();
        if (aliases is null)
        {
            return result;
        }

        foreach (var (name, value) in aliases)
        {
            result[name] = NormalizeAlias(value as JsonObject);
        }

        return result;
    }

    public static JsonObject NormalizeAlias(JsonObject? alias)
    {
        var normalized = new JsonObject();
        if (alias is null)
        {
            return normalized;
        }

        foreach (var (key, value) in alias)
        {
            if (key == "routing")
            {
                normalized["index_routing"] = value?.ToString();
                normalized["search_routing"] = value?.ToString();
            }
            else
            {
                normalized[key] = value?.DeepClone();
            }
        }

        return normalized;
    }
}
