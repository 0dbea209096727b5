namespace ObservabilityStack.Emulator.Storage;

/// <summary>
/// The searchable (refreshed) documents of an index: an immutable array ordered by <c>@timestamp</c>
/// (then seq_no) with a parallel array of timestamps for binary search, plus documents without a timestamp.
/// A refresh builds a new table by merging the sorted changes in, so readers never lock.
/// </summary>
internal sealed class DocumentTable
{
    public static readonly DocumentTable Empty = new([], [], []);

    private readonly StoredDocument[] _timed;
    private readonly long[] _times;
    private readonly StoredDocument[] _untimed;

    private DocumentTable(StoredDocument[] timed, long[] times, StoredDocument[] untimed)
    {
        _timed = timed;
        _times = times;
        _untimed = untimed;
    }

    public int Count => _timed.Length + _untimed.Length;

    public long SizeInBytes { get; private init; }

    /// <summary>Documents with timestamp in [from, to] (inclusive); all documents when both bounds are null.</summary>
    public IEnumerable<StoredDocument> Range(long? from, long? to)
    {
        var start = from is { } f ? LowerBound(f) : 0;
        var end = to is { } t ? LowerBound(t == long.MaxValue ? t : t + 1) : _timed.Length;
        for (var i = start; i < end; i++)
        {
            yield return _timed[i];
        }

        if (from is null && to is null)
        {
            foreach (var doc in _untimed)
            {
                yield return doc;
            }
        }
    }

    /// <summary>A new table with <paramref name="added"/> merged in and <paramref name="removed"/> taken out.</summary>
    public DocumentTable Apply(List<StoredDocument> added, HashSet<StoredDocument> removed)
    {
        var newTimed = new List<StoredDocument>(added.Count);
        var newUntimed = new List<StoredDocument>();
        foreach (var doc in added)
        {
            if (removed.Contains(doc))
            {
                continue;
            }

            (doc.Timestamp is null ? newUntimed : newTimed).Add(doc);
        }

        newTimed.Sort(static (a, b) => a.Timestamp!.Value != b.Timestamp!.Value
            ? a.Timestamp.Value.CompareTo(b.Timestamp.Value)
            : a.SeqNo.CompareTo(b.SeqNo));

        var timed = new StoredDocument[_timed.Length + newTimed.Count];
        var times = new long[timed.Length];
        int i = 0, j = 0, k = 0;
        long size = 0;
        while (i < _timed.Length || j < newTimed.Count)
        {
            StoredDocument next;
            if (j >= newTimed.Count || (i < _timed.Length && _times[i] <= newTimed[j].Timestamp!.Value))
            {
                next = _timed[i++];
                if (removed.Count > 0 && removed.Contains(next))
                {
                    continue;
                }
            }
            else
            {
                next = newTimed[j++];
            }

            timed[k] = next;
            times[k++] = next.Timestamp!.Value;
            size += next.Source.Length;
        }

        var untimed = removed.Count > 0 ? _untimed.Where(d => !removed.Contains(d)).ToList() : [.. _untimed];
        untimed.AddRange(newUntimed);
        foreach (var doc in untimed)
        {
            size += doc.Source.Length;
        }

        if (k < timed.Length)
        {
            Array.Resize(ref timed, k);
            Array.Resize(ref times, k);
        }

        return new DocumentTable(timed, times, [.. untimed]) { SizeInBytes = size };
    }

    private int LowerBound(long value)
    {
        int lo = 0, hi = _times.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_times[mid] < value)
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
