using System.Buffers;
using BenchmarkDotNet.Attributes;
using ObservabilityStack.Benchmarks.Serilog;
using ObservabilityStack.Emulator;
using ObservabilityStack.Emulator.Apis;
using ObservabilityStack.Emulator.Faults;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Benchmarks.Emulator;

/// <summary>
/// One load-run bulk request without HTTP: 5,000 create actions with ~1 KB ECS documents into a fresh
/// data stream (auto-created from the built-in logs template), through the same session the HTTP handler
/// uses: action lines, target resolution, mapping checks, the source arena and the item answers.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class BulkSessionBenchmarks
{
    private const int Batch = 5_000;
    private byte[] _body = [];
    private EmulatorContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        var buffer = new ArrayBufferWriter<byte>(Batch * 1400);
        new EcsBulkBodies(Batch, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1))
            .Write("logs-bench-default", 0, Batch, buffer);
        _body = buffer.WrittenSpan.ToArray();
    }

    [IterationSetup]
    public void FreshCluster()
    {
        var options = new EmulatorOptions();
        _context = new EmulatorContext(new Cluster(options.Clock), new FaultInjector(), options);
    }

    [Benchmark(Description = "bulk session: 5,000 ECS creates into a data stream, answer built")]
    public int Bulk()
    {
        using var session = new BulkSession(_context, null, requireAlias: false, RefreshPolicy.None);
        var rest = new ReadOnlySequence<byte>(_body);
        while (rest.PositionOf((byte)'\n') is { } end)
        {
            session.Line(rest.Slice(0, end));
            rest = rest.Slice(rest.GetPosition(1, end));
        }

        session.Release();
        session.Finish();
        return session.Answer(took: 1).Length;
    }
}
