using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ObservabilityStack.Elasticsearch.Transport;

namespace ObservabilityStack.Elasticsearch;

/// <summary>Shared plumbing of the typed methods: path escaping, JSON bodies, error checks.</summary>
public sealed partial class ElasticsearchClient
{
    /// <summary>Escapes one path segment but keeps <c>,</c> and <c>*</c>, which Elasticsearch reads as lists and patterns.</summary>
    internal static string Segment(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("An index, id or resource name must not be empty.", nameof(name));
        }

        return Uri.EscapeDataString(name).Replace("%2A", "*", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal);
    }

    internal static string RefreshQuery(Refresh? refresh) => refresh switch
    {
        Refresh.True => "refresh=true",
        Refresh.WaitFor => "refresh=wait_for",
        Refresh.False => "refresh=false",
        _ => string.Empty,
    };

    internal static string WithQuery(string path, params string[] parameters)
    {
        var builder = new StringBuilder(path);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var parameter in parameters)
        {
            if (parameter.Length > 0)
            {
                builder.Append(separator).Append(parameter);
                separator = '&';
            }
        }

        return builder.ToString();
    }

    /// <summary>Sends a UTF-8 JSON body (or none) through the retrying core.</summary>
    internal Task<ElasticsearchResponse> SendBytesAsync(HttpMethod method, string path, ReadOnlyMemory<byte>? body,
        bool idempotent, CancellationToken cancellationToken, string mediaType = "application/json") =>
        body is { } bytes
            ? SendCoreAsync(method, path, () => CreateContent(bytes, mediaType), idempotent, cancellationToken)
            : SendCoreAsync(method, path, static () => null, idempotent, cancellationToken);

    internal static ReadOnlyMemory<byte>? Utf8(string? json) => json is null ? null : Encoding.UTF8.GetBytes(json);

    internal static ReadOnlyMemory<byte> Utf8(JsonElement json) =>
        JsonSerializer.SerializeToUtf8Bytes(json, Serialization.ElasticsearchJsonContext.Default.JsonElement);

    /// <summary>Sends and parses a 2xx JSON answer; any other status throws <see cref="ElasticsearchException"/>.</summary>
    internal async Task<JsonDocument> RequestJsonAsync(HttpMethod method, string path, ReadOnlyMemory<byte>? body,
        bool idempotent, string action, CancellationToken cancellationToken)
    {
        var response = await SendBytesAsync(method, path, body, idempotent, cancellationToken).ConfigureAwait(false);
        return Parse(response.EnsureSuccess(action), action);
    }

    /// <summary>Like <see cref="RequestJsonAsync"/> but null for a 404 (the resource does not exist).</summary>
    internal async Task<JsonDocument?> RequestJsonOrNullAsync(HttpMethod method, string path, string action,
        CancellationToken cancellationToken)
    {
        var response = await SendBytesAsync(method, path, null, idempotent: true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        return Parse(response.EnsureSuccess(action), action);
    }

    /// <summary>Sends and deserializes a 2xx answer with a source-generated type.</summary>
    internal async Task<T> RequestAsync<T>(HttpMethod method, string path, ReadOnlyMemory<byte>? body, bool idempotent,
        JsonTypeInfo<T> typeInfo, string action, CancellationToken cancellationToken)
    {
        var response = await SendBytesAsync(method, path, body, idempotent, cancellationToken).ConfigureAwait(false);
        return Deserialize(response.EnsureSuccess(action), typeInfo, action);
    }

    internal static T Deserialize<T>(ElasticsearchResponse response, JsonTypeInfo<T> typeInfo, string action)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body.Span, typeInfo)
                ?? throw new JsonException("empty body");
        }
        catch (JsonException ex)
        {
            throw new ElasticsearchException($"{action}: unexpected answer from Elasticsearch ({ex.Message}).",
                response.StatusCode, null, ex.Message, ex);
        }
    }

    private static JsonDocument Parse(ElasticsearchResponse response, string action)
    {
        try
        {
            return response.ToJsonDocument();
        }
        catch (JsonException ex)
        {
            throw new ElasticsearchException($"{action}: Elasticsearch answered {(int)response.StatusCode} with a non-JSON body.",
                response.StatusCode, null, ex.Message, ex);
        }
    }
}
