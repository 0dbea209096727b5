using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ObservabilityStack.Alerting.Evaluation;

/// <summary>Reads dotted ECS fields from a document <c>_source</c>, nested (<c>{"service":{"name":..}}</c>) or flat.</summary>
internal static class SourceFields
{
    public static string? Get(JsonElement source, string dotted)
    {
        if (source.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (source.TryGetProperty(dotted, out var direct))
        {
            return Text(direct);
        }

        // Try every split point: "http.response.status_code" may be nested at any depth.
        for (var dot = dotted.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = dotted.IndexOf('.', dot + 1))
        {
            if (source.TryGetProperty(dotted[..dot], out var child))
            {
                var found = Get(child, dotted[(dot + 1)..]);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>Renders a hit as one log line: time, level, service, status, path, message, error.</summary>
    public static string Render(JsonElement source)
    {
        var line = new StringBuilder();
        Append(line, Get(source, EcsFields.Timestamp));
        Append(line, Get(source, EcsFields.Level)?.ToUpperInvariant());
        Append(line, Get(source, EcsFields.Service));
        Append(line, Get(source, EcsFields.StatusCode));
        Append(line, Get(source, EcsFields.UrlPath));
        Append(line, Get(source, EcsFields.Message));
        var errorType = Get(source, EcsFields.ErrorType);
        if (errorType is not null)
        {
            Append(line, $"{errorType}: {Get(source, EcsFields.ErrorMessage)}");
        }

        return line.ToString();
    }

    private static void Append(StringBuilder line, string? part)
    {
        if (string.IsNullOrEmpty(part))
        {
            return;
        }

        if (line.Length > 0)
        {
            line.Append(' ');
        }

        line.Append(part.Length > 300 ? part[..300] + "…" : part);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array when value.GetArrayLength() > 0 => Text(value[0]),
        _ => null,
    };

    /// <summary>A bucket key as text (terms keys may be numbers).</summary>
    public static string Key(JsonElement bucket)
    {
        if (bucket.TryGetProperty("key_as_string", out var s) && s.ValueKind == JsonValueKind.String)
        {
            return s.GetString()!;
        }

        var key = bucket.GetProperty("key");
        return key.ValueKind == JsonValueKind.String ? key.GetString()! : key.GetRawText();
    }

    public static long Long(JsonElement element, string property) =>
        element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;

    public static double Double(JsonElement element, string property) =>
        element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;

    public static string Invariant(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
