using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// The columns of one immutable run, built on first use (never at index time) and kept for the run's life.
/// Readers take the current immutable dictionary without locking; builders take a lock so two searches
/// never parse the same run for the same column at once.
/// </summary>
internal sealed class RunColumns(IRunSource run)
{
    private readonly Lock _build = new();
    private volatile Dictionary<string, DocColumn> _columns = new(StringComparer.Ordinal);

    /// <summary>How many times the run's documents were parsed to build columns.</summary>
    public int BuildPasses { get; private set; }

    /// <summary>How many columns are built.</summary>
    public int Count => _columns.Count;

    /// <summary>Approximate heap bytes of the built columns.</summary>
    public long MemoryBytes => _columns.Values.Sum(c => c.MemoryBytes);

    /// <summary>
    /// The column for <paramref name="spec"/>; when missing it is built in one pass with the request's other columns
    /// (<paramref name="alongside"/>) and the ones other searches wanted lately.
    /// </summary>
    public DocColumn Get(ColumnSpec spec, IReadOnlyList<ColumnSpec> alongside)
    {
        ColumnDemand.Note(spec);
        if (_columns.TryGetValue(spec.Key, out var column))
        {
            return column;
        }

        lock (_build)
        {
            if (_columns.TryGetValue(spec.Key, out column))
            {
                return column;
            }

            var wanted = new Dictionary<string, ColumnSpec>(StringComparer.Ordinal) { [spec.Key] = spec };
            foreach (var other in alongside.Concat(ColumnDemand.Recent()))
            {
                if (!_columns.ContainsKey(other.Key) && wanted.Count < ColumnDemand.MaxSpecs)
                {
                    wanted.TryAdd(other.Key, other);
                }
            }

            var next = new Dictionary<string, DocColumn>(_columns, StringComparer.Ordinal);
            foreach (var builder in Build([.. wanted.Values]))
            {
                next[builder.Spec.Key] = builder.Build();
            }

            _columns = next;
            return next[spec.Key];
        }
    }

    /// <summary>Parses each document once and feeds every builder, grouped by path so each path is walked once.</summary>
    private List<ColumnBuilder> Build(List<ColumnSpec> wanted)
    {
        BuildPasses++;
        var length = run.Length;
        var builders = wanted.Select(s => s.NewBuilder(length)).ToList();
        var groups = builders.GroupBy(b => b.Spec.SourcePath, StringComparer.Ordinal)
            .Select(g => (Accessor: g.First().Spec.Field.Accessor, Builders: g.ToArray()))
            .ToArray();
        var elements = new List<JsonElement>();
        for (var position = 0; position < length; position++)
        {
            // Disposed at once: the builders copy what they keep, so the pooled parse buffers go back to the pool.
            using var json = JsonDocument.Parse(run.SourceAt(position));
            foreach (var (accessor, group) in groups)
            {
                elements.Clear();
                accessor.Collect(json.RootElement, elements);
                foreach (var builder in group)
                {
                    builder.Add(position, elements);
                }
            }
        }

        return builders;
    }
}
