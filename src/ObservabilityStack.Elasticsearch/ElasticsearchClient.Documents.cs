using System.Net;
using System.Text.Json;
using ObservabilityStack.Elasticsearch.Documents;
using ObservabilityStack.Elasticsearch.Serialization;
using ObservabilityStack.Elasticsearch.Transport;

namespace ObservabilityStack.Elasticsearch;

/// <summary>Single-document APIs and delete-by-query.</summary>
public sealed partial class ElasticsearchClient
{
    /// <summary>
    /// Adds or replaces a document (<c>PUT /{index}/_doc/{id}</c>, or <c>POST /{index}/_doc</c> when
    /// <paramref name="id"/> is null).
    /// </summary>
    public Task<DocumentWriteResult> IndexDocumentAsync(string index, string? id, ReadOnlyMemory<byte> document,
        Refresh? refresh = null, CancellationToken cancellationToken = default) =>
        id is null
            ? WriteDocumentAsync(HttpMethod.Post, WithQuery($"/{Segment(index)}/_doc", RefreshQuery(refresh)), document, false, "index document", cancellationToken)
            : WriteDocumentAsync(HttpMethod.Put, WithQuery($"/{Segment(index)}/_doc/{Segment(id)}", RefreshQuery(refresh)), document, true, "index document", cancellationToken);

    /// <summary>
    /// Adds a document only if its id is new (<c>PUT /{index}/_create/{id}</c>); an existing id throws
    /// <see cref="ElasticsearchException"/> with status 409 <c>version_conflict_engine_exception</c>.
    /// </summary>
    public Task<DocumentWriteResult> CreateDocumentAsync(string index, string id, ReadOnlyMemory<byte> document,
        Refresh? refresh = null, CancellationToken cancellationToken = default) =>
        WriteDocumentAsync(HttpMethod.Put, WithQuery($"/{Segment(index)}/_create/{Segment(id)}", RefreshQuery(refresh)), document,
            true, "create document", cancellationToken);

    /// <summary>Fetches a document; null when the index has no such id (a missing index throws).</summary>
    public async Task<DocumentGetResult?> GetDocumentAsync(string index, string id, CancellationToken cancellationToken = default)
    {
        var response = await SendBytesAsync(HttpMethod.Get, $"/{Segment(index)}/_doc/{Segment(id)}", null, true, cancellationToken)
            .ConfigureAwait(false);
        if (IsMissingDocument(response))
        {
            return null;
        }

        using var document = Parse(response.EnsureSuccess("get document"), "get document");
        var root = document.RootElement;
        if (root.TryGetProperty("found", out var found) && found.ValueKind == JsonValueKind.False)
        {
            return null;
        }

        return new DocumentGetResult
        {
            Index = root.TryGetProperty("_index", out var i) ? i.GetString() : null,
            Id = root.TryGetProperty("_id", out var d) ? d.GetString() : null,
            Version = root.TryGetProperty("_version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null,
            Source = root.TryGetProperty("_source", out var s) ? s.Clone() : default,
        };
    }

    /// <summary>Deletes a document; false when it did not exist (a missing index throws).</summary>
    public async Task<bool> DeleteDocumentAsync(string index, string id, Refresh? refresh = null,
        CancellationToken cancellationToken = default)
    {
        var path = WithQuery($"/{Segment(index)}/_doc/{Segment(id)}", RefreshQuery(refresh));
        var response = await SendBytesAsync(HttpMethod.Delete, path, null, true, cancellationToken).ConfigureAwait(false);
        if (IsMissingDocument(response))
        {
            return false;
        }

        response.EnsureSuccess("delete document");
        return true;
    }

    /// <summary>Deletes every document matching <paramref name="body"/> (<c>{"query":...}</c>), skipping version conflicts.</summary>
    public async Task<DeleteByQueryResult> DeleteByQueryAsync(string index, string body, Refresh? refresh = null,
        CancellationToken cancellationToken = default)
    {
        var path = WithQuery($"/{Segment(index)}/_delete_by_query", "conflicts=proceed", RefreshQuery(refresh));
        using var document = await RequestJsonAsync(HttpMethod.Post, path, Utf8(body), true, "delete by query", cancellationToken)
            .ConfigureAwait(false);
        var root = document.RootElement;
        return new DeleteByQueryResult
        {
            Total = Long(root, "total"),
            Deleted = Long(root, "deleted"),
            VersionConflicts = Long(root, "version_conflicts"),
            Failures = root.TryGetProperty("failures", out var failures) && failures.ValueKind == JsonValueKind.Array ? failures.GetArrayLength() : 0,
        };
    }

    private async Task<DocumentWriteResult> WriteDocumentAsync(HttpMethod method, string path, ReadOnlyMemory<byte> document,
        bool idempotent, string action, CancellationToken cancellationToken)
    {
        var wire = await RequestAsync(method, path, document, idempotent, ElasticsearchJsonContext.Default.BulkItemWire, action,
            cancellationToken).ConfigureAwait(false);
        return new DocumentWriteResult { Index = wire.Index, Id = wire.Id, Version = wire.Version, SeqNo = wire.SeqNo, Result = wire.Result };
    }

    /// <summary>A 404 about the document (<c>found:false</c> / <c>not_found</c>), not an error such as a missing index.</summary>
    private static bool IsMissingDocument(ElasticsearchResponse response) =>
        response.StatusCode == HttpStatusCode.NotFound && ErrorParser.TryParseError(response.Body, out var type, out _) && type is null;

    private static long Long(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
