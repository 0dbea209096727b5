using System.Text.Json;
using ObservabilityStack.Emulator.Search.Queries;

namespace ObservabilityStack.Emulator.Search.Hits;

/// <summary><c>_source</c> filtering: on/off, includes and excludes with <c>*</c> wildcards over dotted paths.</summary>
internal sealed class SourceFilter(bool enabled, string[] includes, string[] excludes)
{
    /// <summary>Return the whole source.</summary>
    public static SourceFilter All { get; } = new(true, [], []);

    /// <summary>Whether <c>_source</c> is returned at all.</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>Include patterns (empty = everything).</summary>
    public string[] Includes { get; } = includes;

    /// <summary>Exclude patterns.</summary>
    public string[] Excludes { get; } = excludes;

    /// <summary>Writes the filtered source as the current value.</summary>
    public void Write(JsonElement source, Utf8JsonWriter writer)
    {
        if (Includes.Length == 0 && Excludes.Length == 0)
        {
            source.WriteTo(writer); // keeps numbers exactly as sent (e.g. 72057594037927936)
            return;
        }

        if (source.ValueKind != JsonValueKind.Object)
        {
            source.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        WriteProperties(source, string.Empty, Includes.Length == 0, writer);
        writer.WriteEndObject();
    }

    private void WriteProperties(JsonElement obj, string prefix, bool included, Utf8JsonWriter writer)
    {
        foreach (var property in obj.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            if (Matches(Excludes, path))
            {
                continue;
            }

            var isIncluded = included || Matches(Includes, path);
            if (isIncluded && Excludes.Length == 0)
            {
                property.WriteTo(writer);
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                if (isIncluded || CouldIncludeBelow(path))
                {
                    writer.WritePropertyName(property.Name);
                    writer.WriteStartObject();
                    WriteProperties(property.Value, path, isIncluded, writer);
                    writer.WriteEndObject();
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Array && (isIncluded || CouldIncludeBelow(path)))
            {
                writer.WritePropertyName(property.Name);
                writer.WriteStartArray();
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        writer.WriteStartObject();
                        WriteProperties(item, path, isIncluded, writer);
                        writer.WriteEndObject();
                    }
                    else if (isIncluded)
                    {
                        item.WriteTo(writer);
                    }
                }

                writer.WriteEndArray();
            }
            else if (isIncluded)
            {
                property.WriteTo(writer);
            }
        }
    }

    private bool CouldIncludeBelow(string path)
    {
        foreach (var pattern in Includes)
        {
            if (pattern.StartsWith(path + ".", StringComparison.Ordinal) || pattern.StartsWith('*') ||
                (pattern.Contains('*', StringComparison.Ordinal) && path.StartsWith(pattern[..pattern.IndexOf('*', StringComparison.Ordinal)], StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string[] patterns, string path)
    {
        foreach (var pattern in patterns)
        {
            if (FieldsQuery.WildcardMatch(pattern, path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses the <c>_source</c> request value: bool, string, array, or {includes, excludes}.</summary>
    public static SourceFilter Parse(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => All,
        JsonValueKind.False => new SourceFilter(false, [], []),
        JsonValueKind.String => new SourceFilter(true, Split(value.GetString()!), []),
        JsonValueKind.Array => new SourceFilter(true, [.. value.EnumerateArray().Select(v => v.GetString()!)], []),
        JsonValueKind.Object => new SourceFilter(true, List(value, "includes", "include"), List(value, "excludes", "exclude")),
        _ => throw EmulatorException.Parsing($"Unknown key for a {Token(value)} in [_source]."),
    };

    /// <summary>Splits a comma-separated list.</summary>
    public static string[] Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The XContent token name of a JSON value, for error messages.</summary>
    public static string Token(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "START_OBJECT",
        JsonValueKind.Array => "START_ARRAY",
        JsonValueKind.String => "VALUE_STRING",
        JsonValueKind.Number => "VALUE_NUMBER",
        JsonValueKind.True or JsonValueKind.False => "VALUE_BOOLEAN",
        _ => "VALUE_NULL",
    };

    private static string[] List(JsonElement obj, string name, string alias)
    {
        if (!obj.TryGetProperty(name, out var value) && !obj.TryGetProperty(alias, out value))
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : Split(value.GetString()!);
    }
}
