using BenchmarkDotNet.Attributes;
using ObservabilityStack.Benchmarks.Serilog;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Benchmarks.Emulator;

/// <summary>
/// The refreshed-document table at 200,000 documents written in 40 refreshes: adding one more refresh's 5,000
/// documents (which used to rewrite the whole table) and reading a 15-minute window from the runs.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class DocumentTableBenchmarks
{
    private const int Refreshes = 40;
    private const int PerRefresh = 5_000;
    private const long Step = 100; // ms between documents: 200,000 documents span 5.5 hours
    private readonly byte[] _source = new byte[1000];
    private DocumentTable _table = DocumentTable.Empty;
    private List<StoredDocument> _next = [];
    private long _seqNo;

    [GlobalSetup]
    public void Setup()
    {
        for (var r = 0; r < Refreshes; r++)
        {
            _table = _table.Apply(Batch(), []);
        }

        _next = Batch();
    }

    [Benchmark(Description = "refresh: 5,000 new documents into 200,000")]
    public int Refresh() => _table.Apply(_next, []).Count;

    [Benchmark(Description = "15-minute window (9,000 documents) from the runs")]
    public int Window()
    {
        var from = 100_000 * Step;
        var count = 0;
        foreach (var _ in _table.Range(from, from + (15 * 60_000) - 1))
        {
            count++;
        }

        return count;
    }

    private List<StoredDocument> Batch()
    {
        var batch = new List<StoredDocument>(PerRefresh);
        for (var i = 0; i < PerRefresh; i++)
        {
            var seqNo = _seqNo++;
            batch.Add(new StoredDocument { Id = seqNo.ToString(System.Globalization.CultureInfo.InvariantCulture), Source = _source, SeqNo = seqNo, Timestamp = seqNo * Step });
        }

        return batch;
    }
}
