namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>One field's values for every document of a run, by position (Lucene's doc values, built lazily).</summary>
internal abstract class DocColumn
{
    /// <summary>Approximate heap bytes the column holds.</summary>
    public abstract long MemoryBytes { get; }
}
