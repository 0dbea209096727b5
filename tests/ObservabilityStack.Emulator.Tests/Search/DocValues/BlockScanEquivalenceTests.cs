using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Storage;
using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search.DocValues;

/// <summary>
/// Search filters a column block (8,192 documents) at a time over the emulator's runs. These searches run over an
/// index whose refreshes overlap in time and cross block boundaries, with missing, multi-valued and untimed documents,
/// once through the block filter and once document by document from <c>_source</c>; the answers must be identical
/// (hits in the same order with the same sort values, totals and aggregations).
/// </summary>
public sealed class BlockScanEquivalenceTests
{
    private static readonly Lazy<ColumnIndex.Pair> Shards = new(Build);

    [Theory]
    [InlineData("""{"bool":{"filter":[{"range":{"@timestamp":{"gte":"2024-05-01T10:05:00Z","lt":"2024-05-01T10:25:00Z"}}},{"terms":{"service":["api","web"]}},{"exists":{"field":"status"}}]}}""")]
    [InlineData("""{"bool":{"filter":[{"term":{"level":"error"}}],"must_not":[{"terms":{"service":["web"]}}]}}""")]
    [InlineData("""{"bool":{"should":[{"range":{"status":{"gte":500}}},{"term":{"tags":"slow"}}],"minimum_should_match":1,"filter":{"exists":{"field":"tags"}}}}""")]
    [InlineData("""{"bool":{"should":[{"term":{"level":"error"}},{"term":{"tags":"slow"}},{"term":{"service":"api"}}],"minimum_should_match":2}}""")]
    [InlineData("""{"bool":{"must":[{"match":{"message":"timeout"}}],"filter":[{"range":{"status":{"gt":200,"lte":503}}}]}}""")]
    [InlineData("""{"bool":{"must_not":[{"exists":{"field":"status"}}]}}""")]
    [InlineData("""{"constant_score":{"filter":{"terms":{"status":[404,503]}},"boost":2.5}}""")]
    [InlineData("""{"query_string":{"query":"level:error AND service:api"}}""")]
    [InlineData("""{"term":{"tags":"missing-everywhere"}}""")]
    [InlineData("""{"match_all":{}}""")]
    public void BlockFilteringFindsTheSameHitsInTheSameOrderAsReadingEachDocument(string query)
    {
        var pair = Shards.Value;
        var body = """
            {"query":QUERY,"size":60,"sort":[{"@timestamp":"asc"},"_doc"],"track_total_hits":true,
             "aggs":{"s":{"terms":{"field":"service"},"aggs":{"c":{"terms":{"field":"status"}}}},
                     "top":{"top_hits":{"size":3,"sort":[{"@timestamp":"desc"}]}},"n":{"value_count":{"field":"status"}}}}
            """.Replace("QUERY", query, StringComparison.Ordinal);

        var columns = Answer(body, pair.Columns);
        var source = Answer(body, pair.Source);

        columns.ShouldBe(source, $"query: {query}");
    }

    [Fact]
    public void TheIndexReallyHasOverlappingRunsAndSeveralBlocksPerRun()
    {
        var table = Shards.Value.Columns.Table;

        table.RunCount.ShouldBeGreaterThan(1);
        table.Runs.Max(r => r.Length).ShouldBeGreaterThan(2 * ObservabilityStack.Emulator.Search.DocValues.RunColumns.BlockSize);
        var first = table.Runs[0];
        table.Runs.Skip(1).Any(r => r.Times[0] < first.Times[^1]).ShouldBeTrue("a later run starts before the first ends");
        table.Untimed.Count.ShouldBeGreaterThan(0);
    }

    private static string Answer(string body, ObservabilityStack.Emulator.Search.ISearchShard shard)
    {
        var answer = (JsonObject)JsonNode.Parse(SearchRunner.Search(body, shard).GetRawText())!;
        answer.Remove("took");
        return answer.ToJsonString();
    }

    private static ColumnIndex.Pair Build()
    {
        var index = new EsIndex("blocks", 0);
        index.Mappings.Merge((JsonObject)JsonNode.Parse("""
            {"properties":{"@timestamp":{"type":"date"},"service":{"type":"keyword"},"level":{"type":"keyword"},
             "status":{"type":"long"},"tags":{"type":"keyword"},"message":{"type":"text"}}}
            """)!);
        var start = DateTimeOffset.Parse("2024-05-01T10:00:00Z", CultureInfo.InvariantCulture);
        var random = new Random(11);
        string[] services = ["api", "web", "worker"];
        string[] levels = ["info", "warn", "error"];
        var id = 0;

        // Three refreshes of 9,000 documents spread over the same 30 minutes (so the runs overlap and cross blocks),
        // then small refreshes; every 500th document has no timestamp, and equal timestamps recur across runs.
        foreach (var size in new[] { 9_000, 9_000, 9_000, 700, 300 })
        {
            for (var i = 0; i < size; i++, id++)
            {
                var node = new JsonObject
                {
                    ["service"] = services[random.Next(services.Length)],
                    ["level"] = levels[random.Next(levels.Length)],
                    ["message"] = random.Next(10) == 0 ? "upstream timeout" : "ok",
                };
                if (id % 500 != 7)
                {
                    node["@timestamp"] = (start + TimeSpan.FromSeconds(random.Next(1800))).ToString("O", CultureInfo.InvariantCulture);
                }

                if (random.Next(4) != 0)
                {
                    node["status"] = random.Next(8) == 0 ? new JsonArray(200, 503) : new[] { 200, 404, 500, 503 }[random.Next(4)];
                }

                if (random.Next(3) == 0)
                {
                    node["tags"] = random.Next(2) == 0 ? "slow" : new JsonArray("slow", "retried");
                }

                index.Index(id.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(node.ToJsonString()), default);
            }

            index.Refresh();
        }

        var shard = new IndexShard(index);
        return new ColumnIndex.Pair(shard, new SourceOnlyShard(shard));
    }
}
