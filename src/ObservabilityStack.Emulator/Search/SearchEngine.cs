using System.Text.Json;

namespace ObservabilityStack.Emulator.Search;

/// <summary>
/// Entry points the emulator's HTTP layer calls for <c>_search</c>, <c>_count</c> and
/// <c>_delete_by_query</c>. Owned by the search side of the seam (see SearchContracts.cs).
/// </summary>
public static class SearchEngine
{
    /// <summary>
    /// Runs a search request body (query, aggs, sort, from/size, _source, search_after, track_total_hits)
    /// over the shards and writes Elasticsearch's search response object to <paramref name="writer"/>.
    /// Throws <see cref="EmulatorException"/> for bad requests.
    /// </summary>
    public static void Search(JsonElement? body, IReadOnlyDictionary<string, string> queryParameters,
        IReadOnlyList<ISearchShard> shards, TimeProvider clock, Utf8JsonWriter writer) =>
        throw new EmulatorException(501, "unsupported_operation_exception", "search is not built yet");

    /// <summary>Counts documents matching the body's <c>query</c> (match_all when absent).</summary>
    public static long Count(JsonElement? body, IReadOnlyDictionary<string, string> queryParameters,
        IReadOnlyList<ISearchShard> shards, TimeProvider clock) =>
        throw new EmulatorException(501, "unsupported_operation_exception", "count is not built yet");

    /// <summary>The documents matching a <c>query</c> object (for delete_by_query).</summary>
    public static IReadOnlyList<SearchDocument> Matching(JsonElement? query, IReadOnlyList<ISearchShard> shards,
        TimeProvider clock) =>
        throw new EmulatorException(501, "unsupported_operation_exception", "query matching is not built yet");
}
