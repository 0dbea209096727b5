using System.Text;
using ObservabilityStack.Elasticsearch.Bulk;

namespace ObservabilityStack.Elasticsearch.Tests.Integration;

/// <summary>
/// The client against the emulator (an Elasticsearch 9 look-alike), or a real cluster when
/// <c>OBS_TEST_ELASTICSEARCH_URL</c> is set: the calls the product makes, end to end.
/// </summary>
public sealed class EmulatorClientTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task InfoPassesTheProductCheckAndReportsASupportedVersion()
    {
        using var client = Client();

        var info = await client.InfoAsync();
        var health = await client.ClusterHealthAsync();

        info.MajorVersion.ShouldBeInRange(8, 9);
        health.IsAvailable.ShouldBeTrue();
    }

    [Fact]
    public async Task ProvisionedTemplatesRouteABulkIntoADataStreamThatSearchesAndAggregates()
    {
        using var client = Client(o => o.CompatibilityVersion = 9);
        await client.PutLifecyclePolicyAsync("it-logs", """{"policy":{"phases":{"hot":{"actions":{"rollover":{"max_age":"1d"}}},"delete":{"min_age":"7d","actions":{"delete":{}}}}}}""");
        await client.PutComponentTemplateAsync("it-ecs", """{"template":{"mappings":{"properties":{"@timestamp":{"type":"date"},"log.level":{"type":"keyword"},"message":{"type":"text"}}}}}""");
        await client.PutIndexTemplateAsync("it-logs", """{"index_patterns":["it-*-*"],"data_stream":{},"priority":300,"composed_of":["it-ecs"],"template":{"settings":{"index.lifecycle.name":"it-logs"}}}""");
        var operations = Enumerable.Range(0, 30).Select(i => BulkOperation.Create("it-shop-prod", $"doc-{i}", Encoding.UTF8.GetBytes(
            $$"""{"@timestamp":"2026-11-21T10:{{i:D2}}:00Z","log.level":"{{(i % 3 == 0 ? "error" : "info")}}","message":"order {{i}}"}"""))).ToArray();

        var bulk = await client.BulkAsync(operations, Refresh.True);
        var again = await client.BulkAsync(operations.Take(2).ToArray(), Refresh.True);

        bulk.Errors.ShouldBeFalse();
        bulk.Items.Count.ShouldBe(30);
        bulk.Items.ShouldAllBe(item => item.IsSuccess && item.Index!.StartsWith(".ds-it-shop-prod-"));
        again.Items.ShouldAllBe(item => item.IsConflict && !item.IsPermanent);
        (await client.CountAsync("it-shop-prod")).ShouldBe(30);
        using var search = await client.SearchAsync("it-shop-prod", """
            {"size":5,"query":{"bool":{"filter":[{"range":{"@timestamp":{"gte":"2026-11-21T10:10:00Z"}}}]}},
             "sort":[{"@timestamp":"asc"}],"track_total_hits":true,
             "aggs":{"levels":{"terms":{"field":"log.level"}}}}
            """);
        search.Total.ShouldBe(20);
        search.Hits.Count.ShouldBe(5);
        search.Hits[0].Source.GetProperty("message").GetString().ShouldBe("order 10");
        search.Hits[0].Sort.ShouldNotBeNull();
        var buckets = search.Aggregation("levels")!.Value.GetProperty("buckets");
        buckets[0].GetProperty("key").GetString().ShouldBe("info");
        buckets[0].GetProperty("doc_count").GetInt32().ShouldBe(14);
        buckets[1].GetProperty("doc_count").GetInt32().ShouldBe(6);
        var stream = (await client.GetDataStreamsAsync("it-shop-prod")).ShouldHaveSingleItem();
        stream.Template.ShouldBe("it-logs");
        var rollover = await client.RolloverAsync("it-shop-prod");
        rollover.RolledOver.ShouldBeTrue();
        (await client.GetDataStreamsAsync("it-shop-prod"))[0].Indices.Count.ShouldBe(2);
        (await client.ExplainLifecycleAsync("it-shop-prod")).EnumerateObject().Count().ShouldBe(2);
        (await client.DeleteDataStreamAsync("it-shop-prod")).ShouldBeTrue();
        (await client.GetDataStreamsAsync("it-shop-prod")).ShouldBeEmpty();
    }

    [Fact]
    public async Task DocumentsAndIndicesRoundTripAndMissingThingsAreTyped()
    {
        using var client = Client();
        await client.CreateIndexAsync("it-docs", """{"mappings":{"properties":{"n":{"type":"long"}}}}""");

        var created = await client.CreateDocumentAsync("it-docs", "1", """{"n":5}"""u8.ToArray(), Refresh.True);
        var conflict = await Should.ThrowAsync<ElasticsearchException>(() => client.CreateDocumentAsync("it-docs", "1", """{"n":6}"""u8.ToArray()));
        var fetched = await client.GetDocumentAsync("it-docs", "1");
        var missing = await client.GetDocumentAsync("it-docs", "nope");
        var mapping = await client.GetMappingAsync("it-docs");
        var badMapping = await Should.ThrowAsync<ElasticsearchException>(() => client.IndexDocumentAsync("it-docs", "2", """{"n":"not a number"}"""u8.ToArray()));
        var noIndex = await Should.ThrowAsync<ElasticsearchException>(() => client.SearchAsync("it-nothing-here", "{}"));

        created.Result.ShouldBe("created");
        conflict.ErrorType.ShouldBe("version_conflict_engine_exception");
        fetched!.Source.GetProperty("n").GetInt32().ShouldBe(5);
        missing.ShouldBeNull();
        mapping.GetProperty("it-docs").GetProperty("mappings").GetProperty("properties").GetProperty("n").GetProperty("type").GetString().ShouldBe("long");
        badMapping.ErrorType.ShouldBe("document_parsing_exception");
        noIndex.ErrorType.ShouldBe("index_not_found_exception");
        (await client.DeleteDocumentAsync("it-docs", "1", Refresh.True)).ShouldBeTrue();
        (await client.DeleteDocumentAsync("it-docs", "1")).ShouldBeFalse();
        (await client.IndexExistsAsync("it-docs")).ShouldBeTrue();
        (await client.DeleteIndexAsync("it-docs")).ShouldBeTrue();
        (await client.IndexExistsAsync("it-docs")).ShouldBeFalse();
    }

    private ElasticsearchClient Client(Action<ElasticsearchClientOptions>? configure = null)
    {
        var options = cluster.Options();
        configure?.Invoke(options);
        return new ElasticsearchClient(options);
    }
}
