namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// A field reader's recent columns. Documents arrive block by block, or interleaved across the runs of a window
/// when runs overlap in time, so a few entries searched by reference keep the per-document read to a few
/// comparisons instead of a lookup in the run.
/// </summary>
internal sealed class ColumnCache<T>
    where T : DocColumn
{
    private const int Capacity = 16;
    private readonly RunColumns?[] _runs = new RunColumns?[Capacity];
    private readonly ColumnSpec?[] _specs = new ColumnSpec?[Capacity];
    private readonly T?[] _columns = new T?[Capacity];
    private int _last;
    private int _next;

    /// <summary>The column of <paramref name="spec"/> holding run position <paramref name="position"/> (built with <paramref name="alongside"/> when missing).</summary>
    public T Get(RunColumns run, int position, ColumnSpec spec, ColumnPlan alongside)
    {
        if (Holds(_last, run, position, spec))
        {
            return _columns[_last]!;
        }

        for (var i = 0; i < Capacity; i++)
        {
            if (Holds(i, run, position, spec))
            {
                _last = i;
                return _columns[i]!;
            }
        }

        _last = _next;
        _next = (_next + 1) % Capacity;
        _runs[_last] = run;
        _specs[_last] = spec;
        _columns[_last] = (T)run.Get(position, spec, alongside);
        return _columns[_last]!;
    }

    private bool Holds(int i, RunColumns run, int position, ColumnSpec spec) =>
        ReferenceEquals(_runs[i], run) && ReferenceEquals(_specs[i], spec) && _columns[i]!.Covers(position);
}
