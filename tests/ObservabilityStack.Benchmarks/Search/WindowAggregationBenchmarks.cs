using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ObservabilityStack.Emulator.Search;

namespace ObservabilityStack.Benchmarks.Search;

/// <summary>
/// The dashboard query: a 15-minute window with terms + date_histogram, over 100k ECS log documents spread
/// evenly over one hour (so the window holds 25k documents), compared with the same aggregation over everything.
/// </summary>
[MemoryDiagnoser]
public class WindowAggregationBenchmarks
{
    private const int DocumentCount = 100_000;
    private static readonly DateTimeOffset End = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);
    private ISearchShard[] _shards = [];
    private TimeProvider _clock = TimeProvider.System;
    private JsonElement _windowBody;
    private JsonElement _fullBody;
    private JsonElement _filteredHitsBody;

    [GlobalSetup]
    public void Setup()
    {
        string[] services = ["shop", "crm", "mes", "gateway", "alerting"];
        string[] levels = ["info", "info", "info", "warn", "error"];
        var start = End.AddHours(-1).ToUnixTimeMilliseconds();
        var documents = new SearchDocument[DocumentCount];
        for (var i = 0; i < DocumentCount; i++)
        {
            var timestamp = start + ((long)i * 3_600_000 / DocumentCount);
            var json = string.Create(CultureInfo.InvariantCulture,
                $$$"""{"@timestamp":"{{{DateTimeOffset.FromUnixTimeMilliseconds(timestamp):yyyy-MM-ddTHH:mm:ss.fffZ}}}","message":"GET /api/orders/{{{i}}} answered","log":{"level":"{{{levels[i % levels.Length]}}}"},"service":{"name":"{{{services[i % services.Length]}}}"},"http":{"response":{"status_code":{{{(i % 17 == 0 ? 500 : 200)}}}}},"event":{"duration":{{{i % 1000}}}},"trace":{"id":"{{{i:x16}}}"}}""");
            documents[i] = new SearchDocument
            {
                Index = ".ds-logs-app-default-000001",
                Id = i.ToString(CultureInfo.InvariantCulture),
                Source = JsonDocument.Parse(json).RootElement.Clone(),
                TimestampMillis = timestamp,
            };
        }

        _shards = [new InMemoryShard(".ds-logs-app-default-000001", new BenchmarkMappings(), documents)];
        _clock = new FrozenClock(End);
        const string aggs = """
            "aggs":{"services":{"terms":{"field":"service.name","size":10},"aggs":{"levels":{"terms":{"field":"log.level"}}}},
                    "over_time":{"date_histogram":{"field":"@timestamp","fixed_interval":"1m"}}}
            """;
        _windowBody = Parse("""{"size":0,"query":{"bool":{"filter":[{"range":{"@timestamp":{"gte":"now-15m","lte":"now"}}}]}},""" + aggs + "}");
        _fullBody = Parse("""{"size":0,""" + aggs + "}");
        _filteredHitsBody = Parse("""{"size":20,"sort":[{"@timestamp":"desc"}],"query":{"bool":{"filter":[{"range":{"@timestamp":{"gte":"now-15m"}}},{"term":{"log.level":"error"}}]}}}""");
    }

    [Benchmark(Baseline = true, Description = "15-minute window: terms + date_histogram")]
    public int WindowTermsAndDateHistogram() => Run(_windowBody);

    [Benchmark(Description = "whole index: terms + date_histogram")]
    public int FullScanTermsAndDateHistogram() => Run(_fullBody);

    [Benchmark(Description = "15-minute window: errors, newest 20 hits")]
    public int WindowErrorHits() => Run(_filteredHitsBody);

    private int Run(JsonElement body)
    {
        _output.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_output);
        SearchEngine.Search(body, new Dictionary<string, string>(), _shards, _clock, writer);
        writer.Flush();
        return _output.WrittenCount;
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
