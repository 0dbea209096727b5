using System.Text.Json;
using ObservabilityStack.Elasticsearch.Transport;

namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>Short, user-facing text for an Elasticsearch error answer.</summary>
public static class ErrorReason
{
    /// <summary><c>type: reason</c> from Elasticsearch's error shape, or the first 300 characters of the body.</summary>
    public static string Of(ElasticsearchResponse response)
    {
        try
        {
            using var doc = response.ToJsonDocument();
            if (doc.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind != JsonValueKind.Object)
                {
                    return error.ToString();
                }

                var type = error.TryGetProperty("type", out var t) ? t.GetString() : "error";
                var reason = error.TryGetProperty("reason", out var r) ? r.GetString() : null;
                return $"{type}: {reason}";
            }
        }
        catch (JsonException)
        {
            // Not JSON; show the raw start below.
        }

        var text = System.Text.Encoding.UTF8.GetString(response.Body.Span).Trim();
        if (text.Length == 0)
        {
            return "empty answer (does this server support that API?)";
        }

        return text.Length > 300 ? text[..300] : text;
    }
}
