using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ObservabilityStack.Emulator.Search;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Benchmarks.Search;

/// <summary>
/// The same window queries as <see cref="WindowAggregationBenchmarks"/>, but over a real index: the documents are
/// stored as bytes in the index's arena (dynamically mapped, so strings are text with a <c>.keyword</c>), and every
/// search reads them through <see cref="IndexShard"/>. This includes what the in-memory benchmark leaves out: the
/// <c>_source</c> of every document in the window is parsed again for each query. Also the alert engine's kind of
/// query: a status-code range filter with terms on url.path and cardinality of client.ip.
/// </summary>
[MemoryDiagnoser]
public class StoredWindowAggregationBenchmarks
{
    private const int DocumentCount = 100_000;
    private WindowSearchRunner _runner = new([]);
    private JsonElement _windowBody;
    private JsonElement _alertBody;

    [GlobalSetup]
    public void Setup()
    {
        var index = new EsIndex(".ds-logs-app-default-000001", WindowLogDocuments.End.ToUnixTimeMilliseconds());
        for (var i = 0; i < DocumentCount; i++)
        {
            var json = WindowLogDocuments.Json(i, DocumentCount, out _);
            index.Index(i.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(json), default);
            if (i % 5_000 == 4_999)
            {
                index.Refresh();
            }
        }

        index.Refresh();
        _runner = new WindowSearchRunner([new IndexShard(index)]);
        _windowBody = WindowSearchRunner.Parse("""
            {"size":0,"query":{"bool":{"filter":[{"range":{"@timestamp":{"gte":"now-15m","lte":"now"}}}]}},
             "aggs":{"services":{"terms":{"field":"service.name.keyword","size":10},"aggs":{"levels":{"terms":{"field":"log.level.keyword"}}}},
                     "over_time":{"date_histogram":{"field":"@timestamp","fixed_interval":"1m"}}}}
            """);
        _alertBody = WindowSearchRunner.Parse("""
            {"size":0,"query":{"bool":{"filter":[{"range":{"@timestamp":{"gte":"now-15m"}}},
                                                 {"term":{"service.name.keyword":"shop"}},
                                                 {"range":{"http.response.status_code":{"gte":500}}}]}},
             "aggs":{"paths":{"terms":{"field":"url.path.keyword","size":5}},"clients":{"cardinality":{"field":"client.ip.keyword"}}}}
            """);
    }

    [Benchmark(Baseline = true, Description = "stored, 15-minute window: terms + date_histogram")]
    public int WindowTermsAndDateHistogram() => _runner.Run(_windowBody);

    [Benchmark(Description = "stored, 15-minute window: alert rule (filters, terms, cardinality)")]
    public int WindowAlertRule() => _runner.Run(_alertBody);
}
