using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// The columns of one immutable run, built on first use (never at index time) and kept for the run's life, in
/// blocks of <see cref="BlockSize"/> documents: the run is in timestamp order, so a time-window query builds columns
/// only for the blocks its window covers, and old data nobody queries costs no memory. Readers take a block's
/// immutable dictionary without locking; builders take the run's lock so two searches never parse the same block
/// at once.
/// </summary>
internal sealed class RunColumns(IRunSource run)
{
    /// <summary>Documents per block.</summary>
    public const int BlockSize = 1 << BlockShift;

    private const int BlockShift = 13;
    private readonly Lock _build = new();
    private readonly Dictionary<string, DocColumn>?[] _blocks = new Dictionary<string, DocColumn>?[(run.Length + BlockSize - 1) >> BlockShift];

    /// <summary>How many times blocks of the run were parsed to build columns.</summary>
    public int BuildPasses { get; private set; }

    /// <summary>How many columns are built, over all blocks.</summary>
    public int Count => Built().Sum(b => b.Count);

    /// <summary>Approximate heap bytes of the built columns.</summary>
    public long MemoryBytes => Built().SelectMany(b => b.Values).Sum(c => c.MemoryBytes);

    /// <summary>
    /// The column for <paramref name="spec"/> over the block holding <paramref name="position"/>; when missing it is
    /// built in one pass with the request's other columns (<paramref name="alongside"/>), the ones other searches
    /// wanted lately and, on the block's first pass, the index's other keyword and numeric fields when it has few.
    /// </summary>
    public DocColumn Get(int position, ColumnSpec spec, ColumnPlan alongside)
    {
        ColumnDemand.Note(spec);
        var block = position >> BlockShift;
        if (Volatile.Read(ref _blocks[block]) is { } ready && ready.TryGetValue(spec.Key, out var column))
        {
            return column;
        }

        lock (_build)
        {
            var current = _blocks[block] ?? new Dictionary<string, DocColumn>(StringComparer.Ordinal);
            if (current.TryGetValue(spec.Key, out column))
            {
                return column;
            }

            var wanted = new Dictionary<string, ColumnSpec>(StringComparer.Ordinal) { [spec.Key] = spec };
            var others = alongside.Requested.Concat(ColumnDemand.Recent());
            if (current.Count == 0)
            {
                others = others.Concat(alongside.Mapped());
            }

            foreach (var other in others)
            {
                if (!current.ContainsKey(other.Key) && wanted.Count < ColumnDemand.MaxSpecs)
                {
                    wanted.TryAdd(other.Key, other);
                }
            }

            var next = new Dictionary<string, DocColumn>(current, StringComparer.Ordinal);
            foreach (var builder in Build(block, [.. wanted.Values]))
            {
                next[builder.Spec.Key] = builder.Build();
            }

            Volatile.Write(ref _blocks[block], next);
            return next[spec.Key];
        }
    }

    /// <summary>True once <see cref="Warm"/> has built every block.</summary>
    public bool Warmed { get; private set; }

    /// <summary>
    /// Builds every block not built yet with the plan's mapped columns, ahead of any search (Elasticsearch writes doc
    /// values at index time; this is the emulator's background equivalent). Searches that need a block being built
    /// wait for that block only.
    /// </summary>
    public void Warm(ColumnPlan plan)
    {
        var specs = plan.Mapped();
        if (specs.Count > 0)
        {
            for (var block = 0; block < _blocks.Length; block++)
            {
                if (Volatile.Read(ref _blocks[block]) is not null)
                {
                    continue;
                }

                lock (_build)
                {
                    if (_blocks[block] is null)
                    {
                        var built = new Dictionary<string, DocColumn>(StringComparer.Ordinal);
                        foreach (var builder in Build(block, [.. specs]))
                        {
                            built[builder.Spec.Key] = builder.Build();
                        }

                        Volatile.Write(ref _blocks[block], built);
                    }
                }
            }
        }

        Warmed = true;
    }

    private IEnumerable<Dictionary<string, DocColumn>> Built()
    {
        for (var i = 0; i < _blocks.Length; i++)
        {
            if (Volatile.Read(ref _blocks[i]) is { } built)
            {
                yield return built;
            }
        }
    }

    /// <summary>Parses each document of the block once and feeds every builder, walking each path once.</summary>
    private List<ColumnBuilder> Build(int block, List<ColumnSpec> wanted)
    {
        BuildPasses++;
        var start = block << BlockShift;
        var length = Math.Min(BlockSize, run.Length - start);
        var builders = wanted.Select(s => s.NewBuilder(start, length)).ToList();
        var groups = builders.GroupBy(b => b.Spec.SourcePath, StringComparer.Ordinal)
            .Select(g => (Accessor: g.First().Spec.Field.Accessor, Builders: g.ToArray()))
            .ToArray();
        var elements = new List<JsonElement>();
        for (var i = 0; i < length; i++)
        {
            // Disposed at once: the builders copy what they keep, so the pooled parse buffers go back to the pool.
            using var json = JsonDocument.Parse(run.SourceAt(start + i));
            foreach (var (accessor, group) in groups)
            {
                elements.Clear();
                accessor.Collect(json.RootElement, elements);
                foreach (var builder in group)
                {
                    builder.Add(i, elements);
                }
            }
        }

        return builders;
    }
}
