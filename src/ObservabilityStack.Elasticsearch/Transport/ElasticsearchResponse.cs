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

    /// <summary>Parses the body as JSON. The caller disposes the document.</summary>
    public JsonDocument ToJsonDocument() => JsonDocument.Parse(Body);
}
