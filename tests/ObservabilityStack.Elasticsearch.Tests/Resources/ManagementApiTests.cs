using ObservabilityStack.Elasticsearch.Tests.Support;

namespace ObservabilityStack.Elasticsearch.Tests.Resources;

public sealed class ManagementApiTests : ScriptedServerTest
{
    private const string NotFound = """{"error":{"type":"resource_not_found_exception","reason":"missing"},"status":404}""";

    [Fact]
    public async Task IndexLifecycleCallsUseTheDocumentedPaths()
    {
        Server.EnqueueElasticsearch(200, """{"acknowledged":true,"shards_acknowledged":true,"index":"idx"}""");
        Server.EnqueueElasticsearch(200, "");
        Server.EnqueueElasticsearch(404, "");
        Server.EnqueueElasticsearch(200, """{"idx":{"mappings":{"properties":{"m":{"type":"text"}}}}}""");
        Server.EnqueueElasticsearch(200, """{"acknowledged":true}""");
        Server.EnqueueElasticsearch(200, """{"acknowledged":true}""");
        Server.EnqueueElasticsearch(404, """{"error":{"type":"index_not_found_exception","reason":"no such index [idx]"},"status":404}""");
        using var client = Client();

        await client.CreateIndexAsync("idx", """{"settings":{"number_of_shards":1}}""");
        (await client.IndexExistsAsync("idx")).ShouldBeTrue();
        (await client.IndexExistsAsync("other")).ShouldBeFalse();
        var mapping = await client.GetMappingAsync("idx");
        await client.PutMappingAsync("idx", """{"properties":{"n":{"type":"long"}}}""");
        (await client.DeleteIndexAsync("idx")).ShouldBeTrue();
        (await client.DeleteIndexAsync("idx")).ShouldBeFalse();

        mapping.GetProperty("idx").GetProperty("mappings").GetProperty("properties").GetProperty("m").GetProperty("type").GetString().ShouldBe("text");
        Server.Requests.Select(r => $"{r.Method} {r.PathAndQuery}").ShouldBe(
        [
            "PUT /idx", "HEAD /idx", "HEAD /other", "GET /idx/_mapping", "PUT /idx/_mapping", "DELETE /idx", "DELETE /idx",
        ]);
        Server.Requests[4].BodyText.ShouldBe("""{"properties":{"n":{"type":"long"}}}""");
    }

    [Fact]
    public async Task TemplatesAndPoliciesArePutFetchedAndDeleted()
    {
        Server.EnqueueElasticsearch(200, """{"acknowledged":true}""");
        Server.EnqueueElasticsearch(200, """{"component_templates":[{"name":"obs-ecs","component_template":{"template":{}}}]}""");
        Server.EnqueueElasticsearch(200, """{"acknowledged":true}""");
        Server.EnqueueElasticsearch(404, NotFound);
        Server.EnqueueElasticsearch(200, """{"acknowledged":true}""");
        Server.EnqueueElasticsearch(200, """{"obs-logs":{"version":1,"modified_date":"2026-11-21T10:00:00.000Z","policy":{"phases":{}}}}""");
        Server.EnqueueElasticsearch(200, """{"indices":{".ds-logs-a-b-2026.11.21-000001":{"index":".ds-logs-a-b-2026.11.21-000001","managed":true,"policy":"obs-logs","phase":"hot"}}}""");
        Server.EnqueueElasticsearch(404, NotFound);
        Server.EnqueueElasticsearch(200, """{"acknowledged":true}""");
        using var client = Client();

        await client.PutComponentTemplateAsync("obs-ecs", """{"template":{"mappings":{}}}""");
        var component = await client.GetComponentTemplateAsync("obs-ecs");
        await client.PutIndexTemplateAsync("obs-logs", """{"index_patterns":["logs-*-*"],"data_stream":{},"priority":200}""");
        var missingTemplate = await client.GetIndexTemplateAsync("nope");
        await client.PutLifecyclePolicyAsync("obs-logs", """{"policy":{"phases":{}}}""");
        var policy = await client.GetLifecyclePolicyAsync("obs-logs");
        var explain = await client.ExplainLifecycleAsync("logs-a-b");
        (await client.DeleteLifecyclePolicyAsync("gone")).ShouldBeFalse();
        (await client.DeleteIndexTemplateAsync("obs-logs")).ShouldBeTrue();

        component!.Value.GetProperty("component_templates")[0].GetProperty("name").GetString().ShouldBe("obs-ecs");
        missingTemplate.ShouldBeNull();
        policy!.Value.GetProperty("obs-logs").GetProperty("version").GetInt32().ShouldBe(1);
        explain.GetProperty(".ds-logs-a-b-2026.11.21-000001").GetProperty("phase").GetString().ShouldBe("hot");
        Server.Requests.Select(r => $"{r.Method} {r.PathAndQuery}").ShouldBe(
        [
            "PUT /_component_template/obs-ecs", "GET /_component_template/obs-ecs", "PUT /_index_template/obs-logs",
            "GET /_index_template/nope", "PUT /_ilm/policy/obs-logs", "GET /_ilm/policy/obs-logs", "GET /logs-a-b/_ilm/explain",
            "DELETE /_ilm/policy/gone", "DELETE /_index_template/obs-logs",
        ]);
    }

    [Fact]
    public async Task DataStreamsAreCreatedListedRolledOverAndDeleted()
    {
        Server.EnqueueElasticsearch(200, """{"acknowledged":true}""");
        Server.EnqueueElasticsearch(200, """
            {"data_streams":[{"name":"logs-a-b","timestamp_field":{"name":"@timestamp"},
              "indices":[{"index_name":".ds-logs-a-b-2026.11.21-000001","index_uuid":"u1"}],
              "generation":1,"status":"GREEN","template":"logs","ilm_policy":"logs","hidden":false,"system":false}]}
            """);
        Server.EnqueueElasticsearch(200, """{"acknowledged":true,"shards_acknowledged":true,"old_index":".ds-logs-a-b-2026.11.21-000001","new_index":".ds-logs-a-b-2026.11.21-000002","rolled_over":true,"dry_run":false,"lazy":false,"conditions":{}}""");
        Server.EnqueueElasticsearch(404, """{"error":{"type":"index_not_found_exception","reason":"no such index [x]"},"status":404}""");
        Server.EnqueueElasticsearch(200, """{"acknowledged":true}""");
        using var client = Client();

        await client.CreateDataStreamAsync("logs-a-b");
        var streams = await client.GetDataStreamsAsync("logs-a-b");
        var rollover = await client.RolloverAsync("logs-a-b");
        var none = await client.GetDataStreamsAsync("x");
        (await client.DeleteDataStreamAsync("logs-a-b")).ShouldBeTrue();

        var stream = streams.ShouldHaveSingleItem();
        stream.Generation.ShouldBe(1);
        stream.IlmPolicy.ShouldBe("logs");
        stream.Indices.ShouldHaveSingleItem().IndexName.ShouldBe(".ds-logs-a-b-2026.11.21-000001");
        rollover.RolledOver.ShouldBeTrue();
        rollover.NewIndex.ShouldBe(".ds-logs-a-b-2026.11.21-000002");
        none.ShouldBeEmpty();
        Server.Requests.Select(r => $"{r.Method} {r.PathAndQuery}").ShouldBe(
        [
            "PUT /_data_stream/logs-a-b", "GET /_data_stream/logs-a-b", "POST /logs-a-b/_rollover", "GET /_data_stream/x",
            "DELETE /_data_stream/logs-a-b",
        ]);
    }

    [Fact]
    public async Task ARolloverIsNotRetriedOnA503BecauseItCouldRollTwice()
    {
        Server.EnqueueElasticsearch(503, """{"error":{"type":"unavailable","reason":"busy"},"status":503}""");
        using var client = Client();

        await Should.ThrowAsync<ElasticsearchException>(() => client.RolloverAsync("logs-a-b"));

        Server.Requests.Count.ShouldBe(1);
    }
}
