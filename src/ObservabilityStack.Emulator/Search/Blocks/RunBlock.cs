using ObservabilityStack.Emulator.Search.DocValues;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Search.Blocks;

/// <summary>
/// Positions [<see cref="Start"/>, <see cref="End"/>) of one run inside one column block: the unit queries filter at
/// once. Candidate bitmaps are aligned with the block's columns (bit i is position <see cref="BlockStart"/> + i), so
/// a column's own bitmap can be combined a word at a time.
/// </summary>
internal readonly record struct RunBlock(TimeRun Run, int Start, int End, IFieldMappings Mappings, ColumnPlan Plan)
{
    /// <summary>Words in a candidate bitmap: one bit per document of a column block.</summary>
    public const int Words = RunColumns.BlockSize / 64;

    /// <summary>The first position of the column block holding this range.</summary>
    public int BlockStart => Start & ~(RunColumns.BlockSize - 1);

    /// <summary>The run's columns.</summary>
    public RunColumns Columns => Run.Columns;
}
