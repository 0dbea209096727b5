using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Emulator.Search;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Benchmarks.Search;

/// <summary>
/// The exact searches the alert engine sends (built by <see cref="RuleQueryBuilder"/>) for each rule type of the
/// <c>load alerts</c> run, over one service's data stream as that run seeds it: 1,000,000 documents over six services
/// in 30 minutes is about 167,000 per stream and 28,000 in a 5-minute window. Each query runs once over the columns
/// and once over the source-only path (the cost before doc values), so the ratio comes from the same run.
/// </summary>
[MemoryDiagnoser]
public class AlertRuleQueryBenchmarks
{
    private const int DocumentCount = 167_000;
    private static readonly DateTimeOffset End = WindowLogDocuments.End;
    private readonly Dictionary<RuleType, JsonElement> _bodies = [];
    private WindowSearchRunner _columns = new([]);
    private WindowSearchRunner _source = new([]);

    [Params(RuleType.HttpStatus, RuleType.RequestRate, RuleType.Exception, RuleType.Absence, RuleType.Query)]
    public RuleType Type { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var index = new EsIndex(".ds-logs-shop-api-production-000001", 0);
        index.Mappings.Merge((JsonObject)JsonNode.Parse("""
            {"properties":{"@timestamp":{"type":"date"},"service":{"properties":{"name":{"type":"keyword"}}},
             "log":{"properties":{"level":{"type":"keyword"}}},"message":{"type":"match_only_text"},
             "http":{"properties":{"response":{"properties":{"status_code":{"type":"long"}}}}},
             "url":{"properties":{"path":{"type":"keyword"}}},"client":{"properties":{"ip":{"type":"ip"}}},
             "error":{"properties":{"type":{"type":"keyword"}}}}}
            """)!);
        var random = new Random(42);
        for (var i = 0; i < DocumentCount; i++)
        {
            var at = End - TimeSpan.FromMilliseconds(random.NextDouble() * TimeSpan.FromMinutes(30).TotalMilliseconds);
            var status = random.Next(100) < 1 ? 500 : 200;
            var path = string.Create(CultureInfo.InvariantCulture, $"/p{i % 20}");
            var ip = string.Create(CultureInfo.InvariantCulture, $"10.0.{random.Next(4)}.{random.Next(250)}");
            var json = string.Create(CultureInfo.InvariantCulture,
                $"{{\"@timestamp\":\"{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"service\":{{\"name\":\"shop-api\"}},\"log\":{{\"level\":\"{(status >= 500 ? "error" : "info")}\"}},\"message\":\"GET {path} {status}\",\"http\":{{\"response\":{{\"status_code\":{status}}}}},\"url\":{{\"path\":\"{path}\"}},\"client\":{{\"ip\":\"{ip}\"}}}}");
            index.Index(i.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(json), default);
            if (i % 5_000 == 4_999)
            {
                index.Refresh();
            }
        }

        index.Refresh();
        var shard = new IndexShard(index);
        _columns = new WindowSearchRunner([shard]);
        _source = new WindowSearchRunner([new SourcePathShard(shard)]);
        foreach (var type in Enum.GetValues<RuleType>())
        {
            var rule = new AlertRule
            {
                Name = "bench", Type = type, Services = ["shop-api"], Window = TimeSpan.FromMinutes(5),
                Threshold = 1, Query = type == RuleType.Query ? "log.level:error" : null, Receivers = ["platform"],
            };
            var body = RuleQueryBuilder.Build(rule, new EvaluationRange(End - rule.Window, End)).Body;
            _bodies[type] = JsonDocument.Parse(body.ToJsonString()).RootElement.Clone();
        }
    }

    [Benchmark(Baseline = true, Description = "rule query, source path (before doc values)")]
    public int SourcePath() => _source.Run(_bodies[Type]);

    [Benchmark(Description = "rule query, columns")]
    public int Columns() => _columns.Run(_bodies[Type]);
}
