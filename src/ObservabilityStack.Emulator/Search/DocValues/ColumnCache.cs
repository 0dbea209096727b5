namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// A field reader's last column: documents arrive run by run, so looking the column up only when the run (or the
/// field's resolution) changes keeps the per-document read to two reference comparisons.
/// </summary>
internal sealed class ColumnCache<T>
    where T : DocColumn
{
    private RunColumns? _run;
    private ColumnSpec? _spec;
    private T? _column;

    /// <summary>The column of <paramref name="spec"/> in <paramref name="run"/> (built with <paramref name="alongside"/> when missing).</summary>
    public T Get(RunColumns run, ColumnSpec spec, IReadOnlyList<ColumnSpec> alongside)
    {
        if (!ReferenceEquals(run, _run) || !ReferenceEquals(spec, _spec))
        {
            _column = (T)run.Get(spec, alongside);
            _run = run;
            _spec = spec;
        }

        return _column!;
    }
}
