using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.Hits;

/// <summary>Parses <c>sort</c>: <c>"f"</c>, <c>{"f":"desc"}</c>, <c>{"f":{"order","missing","unmapped_type","mode"}}</c>, arrays, and <c>f:desc</c> URL form.</summary>
internal static class SortParser
{
    /// <summary>Parses a body <c>sort</c> value.</summary>
    public static SortSpec[] Parse(JsonElement sort)
    {
        var specs = new List<SortSpec>();
        if (sort.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in sort.EnumerateArray())
            {
                Add(item, specs);
            }
        }
        else
        {
            Add(sort, specs);
        }

        return [.. specs];
    }

    /// <summary>Parses the URL form <c>field:desc,other</c>.</summary>
    public static SortSpec[] ParseParameter(string value) =>
        [.. SourceFilter.Split(value).Select(part =>
        {
            var colon = part.LastIndexOf(':');
            return colon < 0 ? Create(part, null, null, null, null) : Create(part[..colon], part[(colon + 1)..], null, null, null);
        })];

    private static void Add(JsonElement item, List<SortSpec> specs)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            specs.Add(Create(item.GetString()!, null, null, null, null));
            return;
        }

        if (item.ValueKind != JsonValueKind.Object)
        {
            throw EmulatorException.Parsing($"malformed sort format, within the sort array, an object, or an actual string are allowed");
        }

        foreach (var property in item.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                specs.Add(Create(property.Name, property.Value.GetString(), null, null, null));
                continue;
            }

            string? order = null, missing = null, unmappedType = null, mode = null;
            foreach (var option in property.Value.EnumerateObject())
            {
                switch (option.Name)
                {
                    case "order":
                        order = option.Value.GetString();
                        break;
                    case "missing":
                        missing = option.Value.ValueKind == JsonValueKind.String ? option.Value.GetString() : option.Value.GetRawText();
                        break;
                    case "unmapped_type":
                        unmappedType = option.Value.GetString();
                        break;
                    case "mode":
                        mode = option.Value.GetString();
                        break;
                    case "format" or "numeric_type" or "nested":
                        break;
                    default:
                        throw EmulatorException.Parsing($"[field_sort] unknown field [{option.Name}]");
                }
            }

            specs.Add(Create(property.Name, order, missing, unmappedType, mode));
        }
    }

    private static SortSpec Create(string field, string? order, string? missing, string? unmappedType, string? mode)
    {
        var descending = order switch
        {
            null => field == "_score",
            "asc" or "ASC" => false,
            "desc" or "DESC" => true,
            _ => throw EmulatorException.IllegalArgument($"Unknown SortOrder [{order}]"),
        };
        return new SortSpec(field, descending, missing, unmappedType, mode);
    }
}
