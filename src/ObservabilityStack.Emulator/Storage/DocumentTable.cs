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
        var slices = new List<(TimeRun Run, int Start, int End)>(_runs.Length);
        foreach (var run in _runs)
        {
            var (start, end) = run.Slice(from, to);
            if (start < end)
            {
                slices.Add((run, start, end));
            }
        }

        var timed = slices.Count == 1 ? Single(slices[0]) : Disjoint(slices) ? slices.SelectMany(Single) : Merged(slices);
        return from is null && to is null ? timed.Concat(_untimed.Select(d => new RunPosition(d, null, 0))) : timed;
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

    private static IEnumerable<RunPosition> Single((TimeRun Run, int Start, int End) slice)
    {
        for (var i = slice.Start; i < slice.End; i++)
        {
            yield return new RunPosition(slice.Run.Docs[i], slice.Run, i);
        }
    }

    /// <summary>Whether the slices, ordered by their first document, follow one another without overlapping.</summary>
    private static bool Disjoint(List<(TimeRun Run, int Start, int End)> slices)
    {
        slices.Sort(static (a, b) => TimeRun.Compare(a.Run.Docs[a.Start], b.Run.Docs[b.Start]));
        for (var k = 1; k < slices.Count; k++)
        {
            if (TimeRun.Compare(slices[k - 1].Run.Docs[slices[k - 1].End - 1], slices[k].Run.Docs[slices[k].Start]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Index order of two run positions, reading the runs' timestamp arrays (sequential memory) and touching the
    /// documents only on a tie, since the merge compares the heads of every slice for each document it yields.
    /// </summary>
    private static int CompareAt(TimeRun a, int i, TimeRun b, int j)
    {
        var byTime = a.Times[i].CompareTo(b.Times[j]);
        return byTime != 0 ? byTime : a.Docs[i].SeqNo.CompareTo(b.Docs[j].SeqNo);
    }

    /// <summary>A k-way merge of the runs' slices (k is small: runs of log data rarely overlap in time).</summary>
    private static IEnumerable<RunPosition> Merged(List<(TimeRun Run, int Start, int End)> slices)
    {
        var positions = slices.Select(s => s.Start).ToArray();
        while (true)
        {
            var best = -1;
            for (var k = 0; k < slices.Count; k++)
            {
                if (positions[k] < slices[k].End
                    && (best < 0 || CompareAt(slices[k].Run, positions[k], slices[best].Run, positions[best]) < 0))
                {
                    best = k;
                }
            }

            if (best < 0)
            {
                yield break;
            }

            var position = positions[best]++;
            yield return new RunPosition(slices[best].Run.Docs[position], slices[best].Run, position);
        }
    }
}
