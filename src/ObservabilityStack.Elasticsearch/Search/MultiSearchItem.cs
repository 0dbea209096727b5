namespace ObservabilityStack.Elasticsearch.Search;

/// <summary>One answer of a multi-search: a <see cref="SearchResponse"/> or that search's own error.</summary>
public sealed class MultiSearchItem
{
    /// <summary>Status of this search (200, or the error's status).</summary>
    public required int Status { get; init; }

    /// <summary>The results when the search succeeded; owned by the <see cref="MultiSearchResponse"/>.</summary>
    public SearchResponse? Response { get; init; }

    /// <summary><c>error.type</c> when this search failed.</summary>
    public string? ErrorType { get; init; }

    /// <summary><c>error.reason</c> when this search failed.</summary>
    public string? ErrorReason { get; init; }

    /// <summary>True when <see cref="Response"/> holds results.</summary>
    public bool IsSuccess => Response is not null;
}
