using System.Buffers;
using BenchmarkDotNet.Attributes;
using ObservabilityStack.Benchmarks.Serilog;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Benchmarks.Emulator;

/// <summary>
/// The storage side of a bulk request: 5,000 ~1 KB ECS documents checked against the mapping, copied into the
/// index's source arena and made searchable by a refresh (what one load-run batch costs the server, minus HTTP).
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class IngestBenchmarks
{
    private const int Batch = 5_000;
    private readonly List<(string Id, byte[] Source)> _documents = [];
    private EsIndex _index = new("warm", 0);

    [GlobalSetup]
    public void Setup()
    {
        var buffer = new ArrayBufferWriter<byte>(Batch * 1400);
        new EcsBulkBodies(Batch, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1))
            .Write("logs-bench-default", 0, Batch, buffer);
        var lines = buffer.WrittenSpan.ToArray().AsSpan();
        var number = 0;
        while (!lines.IsEmpty)
        {
            var end = lines.IndexOf((byte)'\n');
            if (number++ % 2 == 1)
            {
                _documents.Add(($"evt-{number:D9}", lines[..end].ToArray()));
            }

            lines = lines[(end + 1)..];
        }
    }

    [IterationSetup]
    public void FreshIndex() => _index = new EsIndex(".ds-logs-bench-default-2026.01.01-000001", 0) { DataStream = "logs-bench-default" };

    [Benchmark(Description = "index 5,000 ECS documents (create) + refresh")]
    public int IndexBatch()
    {
        var options = new WriteOptions(CreateOnly: true);
        foreach (var (id, source) in _documents)
        {
            _index.Index(id, source, options);
        }

        _index.Refresh();
        return _index.Table.Count;
    }
}
