namespace ObservabilityStack.Emulator.Storage;

/// <summary>
/// The searchable (refreshed) documents of an index: a few immutable <see cref="TimeRun"/>s ordered by
/// <c>@timestamp</c> (then seq_no), plus the documents without a timestamp. A refresh adds the new writes as a
/// run and merges runs of similar size (each document is copied about log2(n) times over its life, instead of
/// the whole index being rewritten on every refresh, which left 16 MB of garbage per second at a million
/// documents). Readers never lock: a table never changes once built.
/// </summary>
internal sealed class DocumentTable
{
    public static readonly DocumentTable Empty = new([], []);

    private readonly TimeRun[] _runs;
    private readonly StoredDocument[] _untimed;

    private DocumentTable(TimeRun[] runs, StoredDocument[] untimed)
    {
        _runs = runs;
        _untimed = untimed;
        Count = untimed.Length;
        long size = 0;
        foreach (var run in runs)
        {
            Count += run.Length;
            size += run.SizeInBytes;
        }

        foreach (var doc in untimed)
        {
            size += doc.Source.Length;
        }

        SizeInBytes = size;
    }

    public int Count { get; }

    public long SizeInBytes { get; }

    /// <summary>How many timestamp-ordered runs the table holds (at most about log2 of the document count).</summary>
    public int RunCount => _runs.Length;

    /// <summary>The table's immutable runs, oldest first.</summary>
    public IReadOnlyList<TimeRun> Runs => _runs;

    /// <summary>
    /// Documents with timestamp in [from, to] (inclusive) in index order, each with its run and position there
    /// (null run for documents without a timestamp); all documents (those without a timestamp last) when both
    /// bounds are null.
    /// </summary>
    public IEnumerable<RunPosition> Range(long? from, long? to)
    {
        foreach (var stretch in Stretches(from, to))
        {
            for (var i = stretch.Start; i < stretch.End; i++)
            {
                yield return new RunPosition(stretch.Run.Docs[i], stretch.Run, i);
            }
        }

        if (from is null && to is null)
        {
            foreach (var doc in _untimed)
            {
                yield return new RunPosition(doc, null, 0);
            }
        }
    }

    /// <summary>Documents without a timestamp (they match no time range, and come last in index order).</summary>
    public IReadOnlyList<StoredDocument> Untimed => _untimed;

    /// <summary>
    /// The documents with timestamp in [from, to] (inclusive; null = open) as stretches of runs in index order, so a
    /// reader walks plain positions instead of merging runs document by document. Log runs rarely overlap in time
    /// except at their edges, so this is usually one stretch per run.
    /// </summary>
    public IEnumerable<RunStretch> Stretches(long? from, long? to)
    {
        var slices = Slices(from, to);
        foreach (var (slice, start, end) in InIndexOrder(slices))
        {
            yield return new RunStretch(slices[slice].Run, start, end);
        }
    }

    /// <summary>Each run's documents with timestamp in [from, to] (inclusive; null = open), run by run.</summary>
    public List<RunStretch> Slices(long? from, long? to)
    {
        var slices = new List<RunStretch>(_runs.Length);
        foreach (var run in _runs)
        {
            var (start, end) = run.Slice(from, to);
            if (start < end)
            {
                slices.Add(new RunStretch(run, start, end));
            }
        }

        return slices;
    }

    /// <summary>A new table with <paramref name="added"/> merged in and <paramref name="removed"/> taken out.</summary>
    public DocumentTable Apply(List<StoredDocument> added, HashSet<StoredDocument> removed)
    {
        var runs = new List<TimeRun>(_runs.Length + 1);
        foreach (var run in _runs)
        {
            if (run.Without(removed) is { } kept)
            {
                runs.Add(kept);
            }
        }

        var newTimed = new List<StoredDocument>(added.Count);
        var untimed = removed.Count > 0 ? _untimed.Where(d => !removed.Contains(d)).ToList() : [.. _untimed];
        foreach (var doc in added)
        {
            if (!removed.Contains(doc))
            {
                (doc.Timestamp is null ? untimed : newTimed).Add(doc);
            }
        }

        if (newTimed.Count > 0)
        {
            runs.Add(TimeRun.Sorted(newTimed));
        }

        // Keep run sizes falling at least by half from oldest to newest: at most log2(n) runs.
        while (runs.Count >= 2 && runs[^2].Length <= 2 * runs[^1].Length)
        {
            var merged = TimeRun.Merge(runs[^2], runs[^1]);
            runs.RemoveRange(runs.Count - 2, 2);
            runs.Add(merged);
        }

        return new DocumentTable([.. runs], [.. untimed]);
    }

    /// <summary>
    /// Merges the slices of <see cref="Slices"/> into index order a stretch at a time: the slice with the smallest head runs on until
    /// it passes the smallest head of the others (a binary search over its timestamps), then the next takes over.
    /// Each stretch names its slice by index in <paramref name="slices"/>.
    /// </summary>
    public static IEnumerable<(int Slice, int Start, int End)> InIndexOrder(List<RunStretch> slices)
    {
        var positions = slices.Select(s => s.Start).ToArray();
        while (true)
        {
            int best = -1, second = -1;
            for (var k = 0; k < slices.Count; k++)
            {
                if (positions[k] >= slices[k].End)
                {
                    continue;
                }

                if (best < 0 || CompareAt(slices[k].Run, positions[k], slices[best].Run, positions[best]) < 0)
                {
                    second = best;
                    best = k;
                }
                else if (second < 0 || CompareAt(slices[k].Run, positions[k], slices[second].Run, positions[second]) < 0)
                {
                    second = k;
                }
            }

            if (best < 0)
            {
                yield break;
            }

            var run = slices[best].Run;
            var from = positions[best];
            var end = slices[best].End;
            if (second >= 0)
            {
                end = RunsUntil(run, from, end, slices[second].Run, positions[second]);
            }

            positions[best] = end;
            yield return (best, from, end);
        }
    }

    /// <summary>The first position in [from, end) of <paramref name="run"/> that comes after <paramref name="other"/>'s document at <paramref name="at"/> (end when none).</summary>
    private static int RunsUntil(TimeRun run, int from, int end, TimeRun other, int at)
    {
        var limit = other.Times[at];
        var position = Array.BinarySearch(run.Times, from, end - from, limit);
        if (position < 0)
        {
            return ~position;
        }

        // Equal timestamps: BinarySearch found any of them; back up to the first, then order by seq_no.
        while (position > from && run.Times[position - 1] == limit)
        {
            position--;
        }

        var seqNo = other.Docs[at].SeqNo;
        while (position < end && run.Times[position] == limit && run.Docs[position].SeqNo < seqNo)
        {
            position++;
        }

        return Math.Max(position, from + 1);
    }

    /// <summary>Index order of two run positions, reading the runs' timestamp arrays and touching the documents only on a tie.</summary>
    private static int CompareAt(TimeRun a, int i, TimeRun b, int j)
    {
        var byTime = a.Times[i].CompareTo(b.Times[j]);
        return byTime != 0 ? byTime : a.Docs[i].SeqNo.CompareTo(b.Docs[j].SeqNo);
    }
}
