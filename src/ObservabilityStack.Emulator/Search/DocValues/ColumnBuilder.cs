using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>Collects one column while the run's documents are parsed once for all columns being built.</summary>
internal abstract class ColumnBuilder(ColumnSpec spec)
{
    /// <summary>The column being built.</summary>
    public ColumnSpec Spec { get; } = spec;

    /// <summary>Takes the values found at the spec's path in the document at <paramref name="position"/> of the block.</summary>
    public abstract void Add(int position, List<JsonElement> elements);

    /// <summary>The finished, immutable column.</summary>
    public abstract DocColumn Build();
}
