using System.Text.Json;
using ObservabilityStack.Elasticsearch.Transport;

namespace ObservabilityStack.Cli.Core;

/// <summary>Extracts Elasticsearch's <c>error.type: reason</c> from an error answer for messages.</summary>
internal static class ErrorText
{
    /// <summary>The reason of an error response, or its first 200 characters when it is not ES-shaped.</summary>
    public static string Reason(ElasticsearchResponse response)
    {
        try
        {
            using var doc = response.ToJsonDocument();
            if (doc.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    var type = error.TryGetProperty("type", out var t) ? t.GetString() : null;
                    var reason = error.TryGetProperty("reason", out var r) ? r.GetString() : null;
                    return $"{type}: {reason}";
                }

                return error.ToString();
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall back to the raw text below.
        }

        var text = System.Text.Encoding.UTF8.GetString(response.Body.Span);
        return text.Length > 200 ? text[..200] : text;
    }
}
