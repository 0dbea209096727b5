using System.Text.Json;
using ObservabilityStack.Elasticsearch.Search;
using ObservabilityStack.Elasticsearch.Serialization;

namespace ObservabilityStack.Elasticsearch;

/// <summary>Search, count and refresh.</summary>
public sealed partial class ElasticsearchClient
{
    /// <summary>
    /// Runs <c>POST /{index}/_search</c> with a query DSL body (query, aggs, sort, <c>search_after</c>,
    /// <c>track_total_hits</c>...). Dispose the answer.
    /// </summary>
    /// <param name="index">Index, data stream, alias, pattern or comma list; null or empty searches all.</param>
    /// <param name="body">The JSON request body; null means match_all.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<SearchResponse> SearchAsync(string? index, string? body, CancellationToken cancellationToken = default)
    {
        var document = await RequestJsonAsync(HttpMethod.Post, IndexPath(index, "_search"), Utf8(body), idempotent: true,
            "search", cancellationToken).ConfigureAwait(false);
        return new SearchResponse(document);
    }

    /// <summary>Runs a search with a body given as a JSON element.</summary>
    public async Task<SearchResponse> SearchAsync(string? index, JsonElement body, CancellationToken cancellationToken = default)
    {
        var document = await RequestJsonAsync(HttpMethod.Post, IndexPath(index, "_search"), Utf8(body), idempotent: true,
            "search", cancellationToken).ConfigureAwait(false);
        return new SearchResponse(document);
    }

    /// <summary>Counts documents matching an optional <c>{"query":...}</c> body.</summary>
    public async Task<long> CountAsync(string? index, string? body = null, CancellationToken cancellationToken = default)
    {
        var count = await RequestAsync(HttpMethod.Post, IndexPath(index, "_count"), Utf8(body), idempotent: true,
            ElasticsearchJsonContext.Default.CountWire, "count", cancellationToken).ConfigureAwait(false);
        return count.Count;
    }

    /// <summary>Makes recent writes visible to search (<c>POST /{index}/_refresh</c>); null refreshes all.</summary>
    public async Task RefreshAsync(string? index = null, CancellationToken cancellationToken = default)
    {
        var response = await SendBytesAsync(HttpMethod.Post, IndexPath(index, "_refresh"), null, idempotent: true,
            cancellationToken).ConfigureAwait(false);
        response.EnsureSuccess("refresh");
    }

    internal static string IndexPath(string? index, string endpoint) =>
        string.IsNullOrEmpty(index) ? "/" + endpoint : $"/{Segment(index)}/{endpoint}";
}
