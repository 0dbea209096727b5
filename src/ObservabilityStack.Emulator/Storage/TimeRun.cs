using ObservabilityStack.Emulator.Search.DocValues;

namespace ObservabilityStack.Emulator.Storage;

/// <summary>
/// An immutable run of documents sorted by <c>@timestamp</c> then <c>_seq_no</c>, with a parallel array of the
/// timestamps for binary search. A <see cref="DocumentTable"/> is a few of these, like Lucene's segments.
/// Search builds its columns (<see cref="Columns"/>) on first use; since the run never changes they never go stale,
/// and a merge leaves the merged runs' columns to the garbage collector with the runs.
/// </summary>
internal sealed class TimeRun : IRunSource
{
    private TimeRun(StoredDocument[] docs)
    {
        Docs = docs;
        Times = new long[docs.Length];
        long size = 0;
        for (var i = 0; i < docs.Length; i++)
        {
            Times[i] = docs[i].Timestamp!.Value;
            size += docs[i].Source.Length;
        }

        SizeInBytes = size;
        Columns = new RunColumns(this);
    }

    public StoredDocument[] Docs { get; }

    public long[] Times { get; }

    public int Length => Docs.Length;

    public long SizeInBytes { get; }

    /// <summary>The run's doc values, built lazily per field by search.</summary>
    public RunColumns Columns { get; }

    /// <inheritdoc/>
    public ReadOnlyMemory<byte> SourceAt(int position) => Docs[position].Source;

    /// <summary>A run of documents that all have a timestamp, sorted here.</summary>
    public static TimeRun Sorted(List<StoredDocument> docs)
    {
        var array = docs.ToArray();
        Array.Sort(array, static (a, b) => Compare(a, b));
        return new TimeRun(array);
    }

    /// <summary>Two runs merged into one (both stay valid for searches that hold them).</summary>
    public static TimeRun Merge(TimeRun older, TimeRun newer)
    {
        var merged = new StoredDocument[older.Length + newer.Length];
        int i = 0, j = 0, k = 0;
        while (i < older.Length && j < newer.Length)
        {
            merged[k++] = Compare(older.Docs[i], newer.Docs[j]) <= 0 ? older.Docs[i++] : newer.Docs[j++];
        }

        Array.Copy(older.Docs, i, merged, k, older.Length - i);
        Array.Copy(newer.Docs, j, merged, k + older.Length - i, newer.Length - j);
        return new TimeRun(merged);
    }

    /// <summary>This run without <paramref name="removed"/> (itself when none of them is here; null when empty).</summary>
    public TimeRun? Without(HashSet<StoredDocument> removed)
    {
        if (removed.Count == 0 || !Docs.Any(removed.Contains))
        {
            return this;
        }

        var kept = Docs.Where(d => !removed.Contains(d)).ToArray();
        return kept.Length == 0 ? null : new TimeRun(kept);
    }

    /// <summary>The index range [start, end) of timestamps in [from, to] (inclusive bounds, null = open).</summary>
    public (int Start, int End) Slice(long? from, long? to)
    {
        var start = from is { } f ? LowerBound(f) : 0;
        var end = to is { } t ? LowerBound(t == long.MaxValue ? t : t + 1) : Times.Length;
        return (start, Math.Max(start, end));
    }

    /// <summary>Index order: timestamp, then seq_no.</summary>
    public static int Compare(StoredDocument a, StoredDocument b)
    {
        var byTime = a.Timestamp!.Value.CompareTo(b.Timestamp!.Value);
        return byTime != 0 ? byTime : a.SeqNo.CompareTo(b.SeqNo);
    }

    private int LowerBound(long value)
    {
        int lo = 0, hi = Times.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Times[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
