namespace ObservabilityStack.Emulator.Search;

/// <summary>The document being evaluated; one mutable instance per request so per-document work does not allocate.</summary>
internal sealed class DocContext
{
    /// <summary>The current document.</summary>
    public SearchDocument Doc { get; set; } = null!;

    /// <summary>The shard the document comes from.</summary>
    public ISearchShard Shard { get; set; } = null!;

    /// <summary>Position of the shard in the request's shard list (for stable tie-breaking).</summary>
    public int ShardIndex { get; set; }

    /// <summary>Position of the document within its shard's enumeration.</summary>
    public int DocIndex { get; set; }

    /// <summary>The columns the request reads in the current shard, built together when a run lacks one.</summary>
    public DocValues.ColumnPlan Columns { get; set; } = DocValues.ColumnPlan.None;

    /// <summary>The query score of the current document (for top_hits).</summary>
    public double Score { get; set; }
}
