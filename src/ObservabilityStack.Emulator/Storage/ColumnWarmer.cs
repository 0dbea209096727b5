using ObservabilityStack.Emulator.Search.DocValues;

namespace ObservabilityStack.Emulator.Storage;

/// <summary>
/// Builds the doc-value columns of runs that have settled, so the first search over them does not pay for the parse
/// (see <see cref="EmulatorOptions.WarmColumns"/>). A run is warmed only once it has been in its index's table for a
/// whole tick: runs that a refresh merges away again at once (ingest in full swing) are never parsed for nothing.
/// </summary>
internal sealed class ColumnWarmer(Func<IReadOnlyList<EsIndex>> indices)
{
    private HashSet<TimeRun> _seen = new(ReferenceEqualityComparer.Instance);

    /// <summary>The indices of <paramref name="cluster"/>, read under its metadata lock.</summary>
    public static Func<IReadOnlyList<EsIndex>> IndicesOf(Cluster cluster) => () =>
    {
        lock (cluster.MetadataLock)
        {
            return [.. cluster.AllIndices];
        }
    };

    /// <summary>One pass: warms every run seen in the previous pass that is still in its table.</summary>
    public void Tick()
    {
        var current = new HashSet<TimeRun>(ReferenceEqualityComparer.Instance);
        foreach (var index in indices())
        {
            var runs = index.Table.Runs;
            ColumnPlan? plan = null;
            foreach (var run in runs)
            {
                current.Add(run);
                if (_seen.Contains(run) && !run.Columns.Warmed)
                {
                    plan ??= ColumnPlan.For([], index.WithLock(() => index.Mappings.Snapshot));
                    run.Columns.Warm(plan);
                }
            }
        }

        _seen = current;
    }
}
