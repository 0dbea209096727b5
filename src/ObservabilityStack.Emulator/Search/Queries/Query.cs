namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary>A compiled query node: built once per request, evaluated per document.</summary>
internal abstract class Query
{
    /// <summary>True when the document matches; <paramref name="score"/> is its relevance (0 in filter context).</summary>
    public abstract bool Matches(DocContext doc, out double score);

    /// <summary>
    /// Narrows the <c>@timestamp</c> window [from, to] (epoch ms, inclusive) that every matching document must fall in,
    /// so storage can skip the rest. Only queries that require a range on <c>@timestamp</c> narrow it.
    /// </summary>
    public virtual void NarrowTimestamp(ref long? from, ref long? to)
    {
    }
}
