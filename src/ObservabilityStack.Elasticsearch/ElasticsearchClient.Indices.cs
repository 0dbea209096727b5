using System.Net;
using System.Text.Json;

namespace ObservabilityStack.Elasticsearch;

/// <summary>Index management and mappings.</summary>
public sealed partial class ElasticsearchClient
{
    /// <summary>Creates an index (<c>PUT /{index}</c>) with optional settings/mappings/aliases body.</summary>
    /// <exception cref="ElasticsearchException">400 <c>resource_already_exists_exception</c> when it exists.</exception>
    public Task CreateIndexAsync(string index, string? body = null, CancellationToken cancellationToken = default) =>
        AcknowledgeAsync(HttpMethod.Put, "/" + Segment(index), body, "create index", cancellationToken);

    /// <summary>Deletes an index; false when it did not exist.</summary>
    public Task<bool> DeleteIndexAsync(string index, CancellationToken cancellationToken = default) =>
        DeleteIfExistsAsync("/" + Segment(index), "delete index", cancellationToken);

    /// <summary>True when an index, alias or data stream of that name exists (<c>HEAD /{index}</c>).</summary>
    public async Task<bool> IndexExistsAsync(string index, CancellationToken cancellationToken = default)
    {
        var response = await SendBytesAsync(HttpMethod.Head, "/" + Segment(index), null, true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccess("index exists");
        return true;
    }

    /// <summary>The mappings of matching indices: <c>{"index-name":{"mappings":{...}}}</c> (a detached copy).</summary>
    public async Task<JsonElement> GetMappingAsync(string index, CancellationToken cancellationToken = default)
    {
        using var document = await RequestJsonAsync(HttpMethod.Get, $"/{Segment(index)}/_mapping", null, true, "get mapping",
            cancellationToken).ConfigureAwait(false);
        return document.RootElement.Clone();
    }

    /// <summary>Adds fields to the mappings (<c>PUT /{index}/_mapping</c>, body <c>{"properties":{...}}</c>).</summary>
    public Task PutMappingAsync(string index, string body, CancellationToken cancellationToken = default) =>
        AcknowledgeAsync(HttpMethod.Put, $"/{Segment(index)}/_mapping", body, "put mapping", cancellationToken);

    /// <summary>Sends and requires a 2xx answer.</summary>
    internal async Task AcknowledgeAsync(HttpMethod method, string path, string? body, string action, CancellationToken cancellationToken)
    {
        var idempotent = method != HttpMethod.Post;
        var response = await SendBytesAsync(method, path, Utf8(body), idempotent, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccess(action);
    }

    /// <summary>DELETE that treats 404 as "was not there".</summary>
    internal async Task<bool> DeleteIfExistsAsync(string path, string action, CancellationToken cancellationToken)
    {
        var response = await SendBytesAsync(HttpMethod.Delete, path, null, true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccess(action);
        return true;
    }

    /// <summary>GET of a named resource as a detached JSON copy; null on 404.</summary>
    internal async Task<JsonElement?> GetIfExistsAsync(string path, string action, CancellationToken cancellationToken)
    {
        using var document = await RequestJsonOrNullAsync(HttpMethod.Get, path, action, cancellationToken).ConfigureAwait(false);
        return document?.RootElement.Clone();
    }
}
