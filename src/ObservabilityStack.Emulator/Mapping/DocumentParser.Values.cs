using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Mapping;

internal sealed partial class DocumentParser
{
    /// <summary>What a new field's first value looks like, for dynamic mapping.</summary>
    private readonly record struct FirstToken(JsonTokenType Token, string? Text, bool Integral);

    /// <summary>Looks at the value (the first non-null element of an array) without moving the reader.</summary>
    private static FirstToken? FirstValue(Utf8JsonReader peek)
    {
        while (peek.TokenType is JsonTokenType.StartArray or JsonTokenType.Null)
        {
            if (!peek.Read() || peek.TokenType == JsonTokenType.EndArray)
            {
                return null;
            }
        }

        return peek.TokenType switch
        {
            JsonTokenType.String => new FirstToken(JsonTokenType.String, peek.GetString(), false),
            JsonTokenType.Number => new FirstToken(JsonTokenType.Number, null, peek.TryGetInt64(out _)),
            JsonTokenType.True or JsonTokenType.False => new FirstToken(JsonTokenType.True, null, false),
            JsonTokenType.StartObject => new FirstToken(JsonTokenType.StartObject, null, false),
            _ => null,
        };
    }

    /// <summary>The dynamic mapping of a new field: dynamic templates first, then Elasticsearch's defaults.</summary>
    private FieldMapping Infer(FirstToken first, string name, string path)
    {
        var (matchType, fallback) = first.Token switch
        {
            JsonTokenType.String => InferString(first.Text!),
            JsonTokenType.Number when first.Integral => ("long", new FieldMapping("long")),
            JsonTokenType.Number => ("double", new FieldMapping("float")),
            JsonTokenType.True => ("boolean", new FieldMapping("boolean")),
            _ => ("object", FieldMapping.Object()),
        };

        var field = DynamicTemplates.Match(_mappings.DynamicTemplates, matchType, name, path) ?? fallback;
        SetPaths(field, path);
        return field;
    }

    private static void SetPaths(FieldMapping field, string path)
    {
        field.Path = path;
        foreach (var (name, child) in field.Properties ?? [])
        {
            SetPaths(child, $"{path}.{name}");
        }

        foreach (var (name, multi) in field.Fields ?? [])
        {
            multi.Path = $"{path}.{name}";
        }
    }

    private (string MatchType, FieldMapping Field) InferString(string text)
    {
        if (_mappings.DateDetection)
        {
            foreach (var format in _mappings.DynamicDateFormats)
            {
                if (DateFormats.TryParse(text, format, out _) && !text.All(char.IsAsciiDigit))
                {
                    return ("date", new FieldMapping("date"));
                }
            }
        }

        if (_mappings.NumericDetection)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                return ("long", new FieldMapping("long"));
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return ("double", new FieldMapping("float"));
            }
        }

        var textField = new FieldMapping("text")
        {
            Fields = new(StringComparer.Ordinal)
            {
                ["keyword"] = new FieldMapping("keyword", new JsonObject { ["ignore_above"] = 256 }),
            },
        };
        return ("string", textField);
    }

    private void CheckScalar(ref Utf8JsonReader reader, FieldMapping field)
    {
        var path = field.Path;
        var type = field.Type;
        var ok = type switch
        {
            _ when FieldTypes.IsIntegral(type) => CheckIntegral(reader, type),
            _ when FieldTypes.IsFloating(type) => reader.TokenType == JsonTokenType.Number
                || (reader.TokenType == JsonTokenType.String && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)),
            _ when FieldTypes.IsDate(type) => CheckDate(reader, field, path),
            "boolean" => reader.TokenType is JsonTokenType.True or JsonTokenType.False
                || (reader.TokenType == JsonTokenType.String && reader.GetString() is "true" or "false" or ""),
            "ip" => reader.TokenType == JsonTokenType.String && IPAddress.TryParse(reader.GetString(), out _),
            "constant_keyword" => CheckConstant(reader, field, path),
            _ => true,
        };

        if (!ok)
        {
            throw Failed(reader, $"failed to parse field [{path}] of type [{type}] in document with id '{_id}'. Preview of field's value: '{Preview(reader)}'");
        }
    }

    private static bool CheckIntegral(in Utf8JsonReader reader, string type)
    {
        decimal value;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetDecimal(out value))
            {
                return false;
            }
        }
        else if (reader.TokenType != JsonTokenType.String
                 || !decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        var (min, max) = FieldTypes.Range(type);
        var truncated = decimal.Truncate(value);
        return truncated >= min && truncated <= max;
    }

    private bool CheckDate(in Utf8JsonReader reader, FieldMapping field, string path)
    {
        long millis;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetDouble(out var number) || !DateFormats.TryParseNumber(number, field.Format, out millis))
            {
                return false;
            }
        }
        else if (reader.TokenType != JsonTokenType.String || !DateFormats.TryParse(reader.GetString()!, field.Format, out millis))
        {
            return false;
        }

        if (path == "@timestamp")
        {
            _timestamp ??= millis;
            _timestampValues++;
        }

        return true;
    }

    private bool CheckConstant(in Utf8JsonReader reader, FieldMapping field, string path)
    {
        var value = Preview(reader);
        var expected = field.Parameters["value"]?.ToString();
        if (expected is null)
        {
            // The first value fixes the constant, as Elasticsearch's dynamic update of constant_keyword does.
            field.Parameters["value"] = value;
            _mappings.Touch();
            return true;
        }

        if (expected != value)
        {
            throw Failed(reader, $"[{path}] only accepts values that are equal to the value defined in the mappings [{expected}], but got [{value}]");
        }

        return true;
    }
}
