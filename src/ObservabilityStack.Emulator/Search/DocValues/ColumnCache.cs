namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// A field reader's last column: documents arrive run by run and block by block, so looking the column up only when
/// the block, run or field's resolution changes keeps the per-document read to a few comparisons.
/// </summary>
internal sealed class ColumnCache<T>
    where T : DocColumn
{
    private RunColumns? _run;
    private ColumnSpec? _spec;
    private T? _column;

    /// <summary>The column of <paramref name="spec"/> holding run position <paramref name="position"/> (built with <paramref name="alongside"/> when missing).</summary>
    public T Get(RunColumns run, int position, ColumnSpec spec, ColumnPlan alongside)
    {
        if (!ReferenceEquals(run, _run) || !ReferenceEquals(spec, _spec) || !_column!.Covers(position))
        {
            _column = (T)run.Get(position, spec, alongside);
            _run = run;
            _spec = spec;
        }

        return _column!;
    }
}
