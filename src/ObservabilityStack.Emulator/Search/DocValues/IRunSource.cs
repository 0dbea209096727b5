namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// An immutable run of stored documents (storage's <c>TimeRun</c>) as the column builder sees it: the sources by
/// position. The run never changes, so a column built over it never needs invalidating.
/// </summary>
internal interface IRunSource
{
    /// <summary>How many documents the run holds.</summary>
    int Length { get; }

    /// <summary>The <c>_source</c> bytes of the document at <paramref name="position"/>.</summary>
    ReadOnlyMemory<byte> SourceAt(int position);
}
