namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// A keyword predicate evaluated once per term of a run's dictionary instead of once per document: a query then
/// answers a single-valued document with an array lookup. Dictionaries larger than <see cref="MaxTerms"/> are
/// left to the per-document path so a high-cardinality field does not cost a large array per run and query.
/// </summary>
internal sealed class OrdinalFilter
{
    /// <summary>Largest dictionary the filter precomputes.</summary>
    public const int MaxTerms = 65_536;

    private readonly PerColumn<bool[]> _accepted;

    public OrdinalFilter(Func<string, bool> accepts) => _accepted = new PerColumn<bool[]>(column =>
    {
        var accepted = new bool[column.Terms.Length];
        for (var i = 0; i < accepted.Length; i++)
        {
            accepted[i] = accepts(column.Terms[i]);
        }

        return accepted;
    });

    /// <summary>
    /// Clears the block candidates (bit i = position <see cref="DocColumn.Start"/> + i of <paramref name="column"/>)
    /// whose values the predicate refuses; false, leaving them all, when the dictionary is too large to precompute.
    /// </summary>
    public bool TryKeep(KeywordColumn column, ulong[] candidates)
    {
        if (column.Terms.Length > MaxTerms)
        {
            return false;
        }

        column.Keep(candidates, _accepted.For(column));
        return true;
    }

    /// <summary>
    /// Whether the document at <paramref name="position"/> has a value the predicate accepts; null when the document
    /// has several values or the dictionary is too large (the caller reads the values instead).
    /// </summary>
    public bool? Matches(KeywordColumn column, int position)
    {
        var ordinal = column.OrdinalAt(position);
        if (ordinal == KeywordColumn.Missing)
        {
            return false;
        }

        if (ordinal < 0 || column.Terms.Length > MaxTerms)
        {
            return null;
        }

        return _accepted.For(column)[ordinal];
    }
}
