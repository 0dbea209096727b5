namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// One field's values for a block of a run's documents, read by the document's position in the run (Lucene's doc
/// values, built lazily). Blocks let a time-window query build columns only where its window lies.
/// </summary>
internal abstract class DocColumn(int start, int length)
{
    /// <summary>The first run position the column covers.</summary>
    public int Start { get; } = start;

    /// <summary>One past the last run position the column covers.</summary>
    public int End { get; } = start + length;

    /// <summary>Approximate heap bytes the column holds.</summary>
    public abstract long MemoryBytes { get; }

    /// <summary>True when the column holds the document at run position <paramref name="position"/>.</summary>
    public bool Covers(int position) => position >= Start && position < End;
}
