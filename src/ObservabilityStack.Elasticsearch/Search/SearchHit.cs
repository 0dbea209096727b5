using System.Text.Json;

namespace ObservabilityStack.Elasticsearch.Search;

/// <summary>One hit. Its <see cref="JsonElement"/>s live as long as the owning <see cref="SearchResponse"/>.</summary>
public sealed class SearchHit
{
    internal SearchHit(JsonElement hit)
    {
        Raw = hit;
        Index = hit.TryGetProperty("_index", out var index) ? index.GetString() : null;
        Id = hit.TryGetProperty("_id", out var id) ? id.GetString() : null;
        Score = hit.TryGetProperty("_score", out var score) && score.ValueKind == JsonValueKind.Number ? score.GetDouble() : null;
        Source = hit.TryGetProperty("_source", out var source) ? source : default;
        Sort = hit.TryGetProperty("sort", out var sort) ? sort : null;
    }

    /// <summary>The concrete index of the document.</summary>
    public string? Index { get; }

    /// <summary>Document id.</summary>
    public string? Id { get; }

    /// <summary>Relevance score; null when sorted by a field.</summary>
    public double? Score { get; }

    /// <summary>The document's <c>_source</c> (Undefined when excluded).</summary>
    public JsonElement Source { get; }

    /// <summary>The <c>sort</c> values, to pass as <c>search_after</c> for the next page; null without a sort.</summary>
    public JsonElement? Sort { get; }

    /// <summary>The whole hit object (fields, highlight, inner hits...).</summary>
    public JsonElement Raw { get; }
}
