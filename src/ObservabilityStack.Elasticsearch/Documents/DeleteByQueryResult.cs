namespace ObservabilityStack.Elasticsearch.Documents;

/// <summary>The answer of <c>_delete_by_query</c>.</summary>
public sealed class DeleteByQueryResult
{
    /// <summary>Documents the query matched.</summary>
    public long Total { get; init; }

    /// <summary>Documents deleted.</summary>
    public long Deleted { get; init; }

    /// <summary>Documents skipped because they changed during the run (with <c>conflicts=proceed</c>).</summary>
    public long VersionConflicts { get; init; }

    /// <summary>Number of per-document or per-shard failures reported.</summary>
    public int Failures { get; init; }
}
