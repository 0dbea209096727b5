using System.Net;
using System.Text.Json;

namespace ObservabilityStack.Elasticsearch.Transport;

/// <summary>A raw answer from Elasticsearch: status code and body bytes, parsed on demand.</summary>
public sealed class ElasticsearchResponse
{
    /// <summary>Creates a response.</summary>
    public ElasticsearchResponse(HttpStatusCode statusCode, ReadOnlyMemory<byte> body)
    {
        StatusCode = statusCode;
        Body = body;
    }

    /// <summary>HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Raw body bytes (UTF-8 JSON for every API we use).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    /// <summary>The <c>Content-Type</c> media type of the body, if any.</summary>
    public string? ContentType { get; init; }

    /// <summary>The <c>X-Elastic-Product</c> header; Elasticsearch 7.14+ always sends <c>Elasticsearch</c>.</summary>
    public string? ProductHeader { get; init; }

    /// <summary>How many retries it took to get this answer (0 when the first attempt was final).</summary>
    public int Retries { get; init; }

    /// <summary>Parses the body as JSON. The caller disposes the document.</summary>
    public JsonDocument ToJsonDocument() => JsonDocument.Parse(Body);

    /// <summary>Reads Elasticsearch's <c>error.type</c> and <c>error.reason</c> from an error body.</summary>
    /// <returns>False when the body is not a JSON error.</returns>
    public bool TryGetError(out string? errorType, out string? reason) =>
        ErrorParser.TryParseError(Body, out errorType, out reason);

    /// <summary>Throws <see cref="ElasticsearchException"/> with status, <c>error.type</c> and reason unless 2xx.</summary>
    public ElasticsearchResponse EnsureSuccess(string? action = null)
    {
        if (!IsSuccess)
        {
            throw ErrorParser.ToException(this, action);
        }

        return this;
    }
}
