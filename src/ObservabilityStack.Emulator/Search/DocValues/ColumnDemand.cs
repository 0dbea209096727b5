using System.Collections.Concurrent;

namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// The columns searches asked for lately, process-wide. A run that must parse its documents for one column builds
/// all recently wanted ones in the same pass, so a new run (or a fresh index of the same kind) parses each
/// document once rather than once per field. Bounded in count and age, so memory follows the fields in use.
/// </summary>
internal static class ColumnDemand
{
    /// <summary>Most columns built alongside a requested one.</summary>
    public const int MaxSpecs = 32;

    private static readonly long RecentMillis = (long)TimeSpan.FromMinutes(10).TotalMilliseconds;
    private static readonly ConcurrentDictionary<string, Entry> Specs = new(StringComparer.Ordinal);

    /// <summary>Records that a search read <paramref name="spec"/>.</summary>
    public static void Note(ColumnSpec spec)
    {
        var now = Environment.TickCount64;
        if (Specs.TryGetValue(spec.Key, out var entry))
        {
            entry.LastMillis = now;
            return;
        }

        if (Specs.Count >= MaxSpecs)
        {
            // Forget the stalest field so a new working set can take over.
            var stalest = Specs.MinBy(pair => pair.Value.LastMillis);
            Specs.TryRemove(stalest.Key, out _);
        }

        Specs.TryAdd(spec.Key, new Entry(spec) { LastMillis = now });
    }

    /// <summary>The columns read within the last ten minutes.</summary>
    public static List<ColumnSpec> Recent()
    {
        var since = Environment.TickCount64 - RecentMillis;
        var recent = new List<ColumnSpec>();
        foreach (var pair in Specs)
        {
            if (pair.Value.LastMillis >= since)
            {
                recent.Add(pair.Value.Spec);
            }
        }

        return recent;
    }

    private sealed class Entry(ColumnSpec spec)
    {
        public ColumnSpec Spec { get; } = spec;

        // Written without a lock: a lost update only makes a field look a little older than it is.
        public long LastMillis { get; set; }
    }
}
