using System.Text.Json;

namespace ObservabilityStack.Elasticsearch.Search;

/// <summary>
/// A search answer: the parsed JSON plus typed accessors. Dispose it to return the parse buffers; elements
/// taken from it are invalid afterwards (use <see cref="JsonElement.Clone"/> to keep one).
/// </summary>
public sealed class SearchResponse : IDisposable
{
    private readonly JsonDocument? _owner;

    /// <summary>Wraps an answer document (takes ownership).</summary>
    public SearchResponse(JsonDocument document)
        : this(document.RootElement, document)
    {
    }

    /// <summary>Wraps one answer inside a larger document (an <c>_msearch</c> item); <paramref name="owner"/> is disposed with it.</summary>
    internal SearchResponse(JsonElement root, JsonDocument? owner)
    {
        _owner = owner;
        Root = root;
        Took = root.TryGetProperty("took", out var took) && took.ValueKind == JsonValueKind.Number ? took.GetInt64() : 0;
        TimedOut = root.TryGetProperty("timed_out", out var timedOut) && timedOut.ValueKind == JsonValueKind.True;
        Aggregations = root.TryGetProperty("aggregations", out var aggregations) ? aggregations : null;
        var hits = new List<SearchHit>();
        if (root.TryGetProperty("hits", out var outer))
        {
            if (outer.TryGetProperty("total", out var total))
            {
                // track_total_hits=true/N gives {"value":N,"relation":"eq|gte"}; rest_total_hits_as_int gives a number.
                if (total.ValueKind == JsonValueKind.Number)
                {
                    Total = total.GetInt64();
                }
                else if (total.ValueKind == JsonValueKind.Object)
                {
                    Total = total.GetProperty("value").GetInt64();
                    TotalRelation = total.TryGetProperty("relation", out var relation) ? relation.GetString() ?? "eq" : "eq";
                }
            }

            if (outer.TryGetProperty("hits", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var hit in array.EnumerateArray())
                {
                    hits.Add(new SearchHit(hit));
                }
            }
        }

        Hits = hits;
    }

    /// <summary>The whole answer object.</summary>
    public JsonElement Root { get; }

    /// <summary>The raw parsed answer; null for an item of a multi-search (see <see cref="Root"/>).</summary>
    public JsonDocument? Document => _owner;

    /// <summary>Milliseconds the search took.</summary>
    public long Took { get; }

    /// <summary>True when a shard timed out and results may be partial.</summary>
    public bool TimedOut { get; }

    /// <summary><c>hits.total.value</c>; null when <c>track_total_hits=false</c>.</summary>
    public long? Total { get; }

    /// <summary><c>eq</c> when <see cref="Total"/> is exact, <c>gte</c> when it is a lower bound.</summary>
    public string TotalRelation { get; } = "eq";

    /// <summary>The hits of this page, in order.</summary>
    public IReadOnlyList<SearchHit> Hits { get; }

    /// <summary>The <c>aggregations</c> object; null when the request had none.</summary>
    public JsonElement? Aggregations { get; }

    /// <summary>One aggregation by name, or null.</summary>
    public JsonElement? Aggregation(string name) =>
        Aggregations is { } all && all.TryGetProperty(name, out var aggregation) ? aggregation : null;

    /// <inheritdoc/>
    public void Dispose() => _owner?.Dispose();
}
