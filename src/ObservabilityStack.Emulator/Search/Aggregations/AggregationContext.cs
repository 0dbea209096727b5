using ObservabilityStack.Emulator.Search.Queries;

namespace ObservabilityStack.Emulator.Search.Aggregations;

/// <summary>Request-wide state aggregations need when producing results.</summary>
internal sealed class AggregationContext(IReadOnlyList<ISearchShard> shards, bool typedKeys, QueryParser queries)
{
    /// <summary>All shards searched (for global and min_doc_count 0).</summary>
    public IReadOnlyList<ISearchShard> Shards { get; } = shards;

    /// <summary>Whether names are prefixed with their type (<c>typed_keys</c>).</summary>
    public bool TypedKeys { get; } = typedKeys;

    /// <summary>The request's query compiler (filter, filters).</summary>
    public QueryParser Queries { get; } = queries;

    /// <summary>Runs <paramref name="action"/> for every document of every shard.</summary>
    public void ForEachDocument(Action<DocContext> action)
    {
        var doc = new DocContext();
        for (var s = 0; s < Shards.Count; s++)
        {
            doc.Shard = Shards[s];
            doc.ShardIndex = s;
            foreach (var current in doc.Visit())
            {
                doc.Score = 1.0;
                action(doc);
            }
        }
    }
}
