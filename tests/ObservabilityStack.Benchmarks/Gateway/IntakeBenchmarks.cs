using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ObservabilityStack.Benchmarks.Serilog;
using ObservabilityStack.Elasticsearch.Serialization;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Intake;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// The gateway's intake hot path on one load-run body (500 ECS events, NDJSON), without HTTP or disk:
/// tokenizing every line (the baseline endpoint's work) against splitting + scanning, and against the whole
/// validate/normalise/frame pass that produces the log records. Per-event cost = mean / 500.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class IntakeBenchmarks
{
    private const int Events = 500;
    private readonly IntakeLimits _limits = new();
    private readonly ApiKeyRecord _key = new() { Id = "bench", Service = "shop-api", Environments = ["production"] };
    private readonly EventNormalizer _normalizer = new();
    private readonly List<(int Index, RejectReason Reason)> _rejected = [];
    private readonly List<FieldSpan> _fields = new(64);
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup()
    {
        _body = EcsNdjsonBody.Build(Events, out _);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _normalizer.Dispose();
    }

    /// <summary>What <c>/v1/baseline</c> does per body: tokenize every line.</summary>
    [Benchmark(Baseline = true)]
    public int TokenizeOnly()
    {
        var reader = new Utf8JsonReader(_body, new JsonReaderOptions { AllowMultipleValues = true });
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>UTF-8 check, line split and the per-event scan (shape, depth, field count, field positions).</summary>
    [Benchmark]
    public int SplitAndScan()
    {
        Utf8Check.Validate(_body);
        LogsBodySplitter.Split(_body, ndjson: true, _limits, _normalizer.Slices);
        var fields = 0;
        foreach (var slice in _normalizer.Slices)
        {
            EventScanner.Scan(_body.AsSpan(slice.Start, slice.Length), slice.Start, _limits, _fields);
            fields += _fields.Count;
        }

        return fields;
    }

    /// <summary>The whole intake pass: validate, normalise and frame 500 checksummed log records.</summary>
    [Benchmark]
    public int NormaliseBatch()
    {
        _rejected.Clear();
        var records = new PooledBufferWriter(_body.Length + (_body.Length / 4) + 4096);
        try
        {
            LogsBatch.Process(_body, ndjson: true, _key, _limits, DateTimeOffset.UnixEpoch, _normalizer, records, _rejected, out var accepted);
            return accepted;
        }
        finally
        {
            records.Dispose();
        }
    }
}
