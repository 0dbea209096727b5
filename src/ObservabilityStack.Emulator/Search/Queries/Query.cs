using ObservabilityStack.Emulator.Search.Blocks;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary>A compiled query node: built once per request, evaluated per document.</summary>
internal abstract class Query
{
    /// <summary>True when the document matches; <paramref name="score"/> is its relevance (0 in filter context).</summary>
    public abstract bool Matches(DocContext doc, out double score);

    /// <summary>The score of every match when it does not depend on the document (filters, constant_score), else null.</summary>
    public virtual double? ConstantScore => null;

    /// <summary>
    /// Clears, in <paramref name="candidates"/> (bit i = position <see cref="RunBlock.BlockStart"/> + i of the block's
    /// run), the documents that do not match, reading whole columns instead of one document at a time. Returns true
    /// when the bits left are exactly the matches; false when the query cannot tell from columns alone (the bits it
    /// cleared are still non-matches, and the caller evaluates the rest one document at a time).
    /// </summary>
    public virtual bool FilterBlock(in RunBlock block, ulong[] candidates) => false;

    /// <summary>
    /// Narrows the <c>@timestamp</c> window [from, to] (epoch ms, inclusive) that every matching document must fall in,
    /// so storage can skip the rest. Only queries that require a range on <c>@timestamp</c> narrow it.
    /// </summary>
    public virtual void NarrowTimestamp(ref long? from, ref long? to)
    {
    }
}
