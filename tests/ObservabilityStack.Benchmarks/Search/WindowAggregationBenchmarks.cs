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
    private WindowSearchRunner _runner = new([]);
    private JsonElement _windowBody;
    private JsonElement _fullBody;
    private JsonElement _filteredHitsBody;

    [GlobalSetup]
    public void Setup()
    {
        var documents = new SearchDocument[DocumentCount];
        for (var i = 0; i < DocumentCount; i++)
        {
            var json = WindowLogDocuments.Json(i, DocumentCount, out var timestamp);
            documents[i] = new SearchDocument
            {
                Index = ".ds-logs-app-default-000001",
                Id = i.ToString(CultureInfo.InvariantCulture),
                Source = JsonDocument.Parse(json).RootElement.Clone(),
                TimestampMillis = timestamp,
            };
        }

        _runner = new WindowSearchRunner([new InMemoryShard(".ds-logs-app-default-000001", new BenchmarkMappings(), documents)]);
        const string aggs = """
            "aggs":{"services":{"terms":{"field":"service.name","size":10},"aggs":{"levels":{"terms":{"field":"log.level"}}}},
                    "over_time":{"date_histogram":{"field":"@timestamp","fixed_interval":"1m"}}}
            """;
        _windowBody = WindowSearchRunner.Parse("""{"size":0,"query":{"bool":{"filter":[{"range":{"@timestamp":{"gte":"now-15m","lte":"now"}}}]}},""" + aggs + "}");
        _fullBody = WindowSearchRunner.Parse("""{"size":0,""" + aggs + "}");
        _filteredHitsBody = WindowSearchRunner.Parse("""{"size":20,"sort":[{"@timestamp":"desc"}],"query":{"bool":{"filter":[{"range":{"@timestamp":{"gte":"now-15m"}}},{"term":{"log.level":"error"}}]}}}""");
    }

    [Benchmark(Baseline = true, Description = "15-minute window: terms + date_histogram")]
    public int WindowTermsAndDateHistogram() => _runner.Run(_windowBody);

    [Benchmark(Description = "whole index: terms + date_histogram")]
    public int FullScanTermsAndDateHistogram() => _runner.Run(_fullBody);

    [Benchmark(Description = "15-minute window: errors, newest 20 hits")]
    public int WindowErrorHits() => _runner.Run(_filteredHitsBody);
}
