using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ObservabilityStack.Elasticsearch.Transport;

/// <summary>Turns an error answer (ES JSON error body, HTML page from a proxy, empty body) into an exception.</summary>
internal static partial class ErrorParser
{
    private const int MaxExcerpt = 200;

    public static ElasticsearchException ToException(ElasticsearchResponse response, string? action)
    {
        var status = (int)response.StatusCode;
        var prefix = action is null
            ? $"Elasticsearch answered {status} {response.StatusCode}"
            : $"{action}: Elasticsearch answered {status} {response.StatusCode}";
        if (TryParseError(response.Body, out var type, out var reason))
        {
            var message = type is null ? $"{prefix}: {reason}" : $"{prefix} ({type}): {reason}";
            return new ElasticsearchException(message, response.StatusCode, type, reason);
        }

        if (response.Body.IsEmpty)
        {
            return new ElasticsearchException($"{prefix} with an empty body.", response.StatusCode, null, null);
        }

        var excerpt = Excerpt(response.Body.Span);
        var kind = response.ContentType ?? "unknown content type";
        return new ElasticsearchException(
            $"{prefix} with a non-JSON body ({kind}); is the URL an Elasticsearch cluster? Body: {excerpt}",
            response.StatusCode, null, excerpt);
    }

    /// <summary>Reads <c>error.type</c>/<c>error.reason</c> (or a string <c>error</c>) from an ES error body.</summary>
    public static bool TryParseError(ReadOnlyMemory<byte> body, out string? type, out string? reason)
    {
        type = null;
        reason = null;
        if (body.IsEmpty || !LooksLikeJson(body.Span))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error))
            {
                // Some APIs answer a 404 with a plain body (e.g. {"found":false}); describe it briefly.
                reason = Excerpt(body.Span);
                return true;
            }

            if (error.ValueKind == JsonValueKind.String)
            {
                reason = error.GetString();
                return true;
            }

            if (error.ValueKind == JsonValueKind.Object)
            {
                type = StringOrNull(error, "type");
                reason = StringOrNull(error, "reason");
                if (reason is null && error.TryGetProperty("caused_by", out var cause) && cause.ValueKind == JsonValueKind.Object)
                {
                    reason = StringOrNull(cause, "reason");
                }

                reason ??= type;
                return true;
            }

            reason = error.GetRawText();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                continue;
            }

            return b is (byte)'{' or (byte)'[';
        }

        return false;
    }

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Excerpt(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Length > 4096 ? body[..4096] : body);
        text = Tags().Replace(text, " ");
        text = Whitespace().Replace(text, " ").Trim();
        return text.Length <= MaxExcerpt
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, MaxExcerpt)}...");
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
