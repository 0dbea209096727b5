using ObservabilityStack.Emulator.Tests.Support;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Emulator.Tests.DataStreams;

public sealed class DataStreamTests
{
    private const string Doc = """{"@timestamp":"2024-05-01T10:00:00Z","message":"hi","service.name":"shop"}""";

    [Fact]
    public async Task TheBuiltInLogsTemplateAutoCreatesADataStreamOnFirstCreate()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var es = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock });
        var bulk = await es.BulkAsync("/_bulk", """{"create":{"_index":"logs-shop_api-production","_id":"e1"}}""", Doc);
        bulk.Json["errors"]!.GetValue<bool>().ShouldBeFalse();
        var backing = bulk.Json["items"]![0]!["create"]!["_index"]!.GetValue<string>();
        backing.ShouldBe(".ds-logs-shop_api-production-2024.05.01-000001");

        var streams = await es.GetAsync("/_data_stream/logs-shop_api-production");
        var stream = streams.Json["data_streams"]![0]!;
        stream["template"]!.GetValue<string>().ShouldBe("logs");
        stream["generation"]!.GetValue<int>().ShouldBe(1);
        stream["timestamp_field"]!["name"]!.GetValue<string>().ShouldBe("@timestamp");
        stream["indices"]![0]!["index_name"]!.GetValue<string>().ShouldBe(backing);

        var mapping = await es.GetAsync($"/{backing}/_mapping");
        var props = mapping.Json[backing]!["mappings"]!["properties"]!;
        props["@timestamp"]!["type"]!.GetValue<string>().ShouldBe("date");
        props["message"]!["type"]!.GetValue<string>().ShouldBe("match_only_text");
        props["service"]!["properties"]!["name"]!["type"]!.GetValue<string>().ShouldBe("keyword");
    }

    [Fact]
    public async Task OnlyCreateIsAllowedIntoADataStream()
    {
        await using var es = await TestEmulator.StartAsync();
        var bulk = await es.BulkAsync("/_bulk",
            """{"create":{"_index":"logs-a-b"}}""", Doc,
            """{"index":{"_index":"logs-a-b","_id":"x"}}""", Doc,
            """{"delete":{"_index":"logs-a-b","_id":"x"}}""");
        var items = bulk.Json["items"]!.AsArray();
        items[0]!["create"]!["status"]!.GetValue<int>().ShouldBe(201);
        items[1]!["index"]!["status"]!.GetValue<int>().ShouldBe(400);
        items[1]!["index"]!["error"]!["reason"]!.GetValue<string>().ShouldBe("only write ops with an op_type of create are allowed in data streams");
        items[2]!["delete"]!["error"]!["type"]!.GetValue<string>().ShouldBe("illegal_argument_exception");
        (await es.PutAsync("/logs-a-b/_doc/y", Doc)).Code.ShouldBe(400);
        (await es.PostAsync("/logs-a-b/_doc", Doc)).Code.ShouldBe(201);
    }

    [Fact]
    public async Task ADataStreamDocumentNeedsATimestamp()
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.PostAsync("/logs-ts-default/_doc", """{"message":"no time"}""");
        answer.Code.ShouldBe(400);
        answer.ErrorType.ShouldBe("document_parsing_exception");
        answer.ErrorReason!.ShouldContain("data stream timestamp field [@timestamp] is missing");
    }

    [Fact]
    public async Task CustomTemplatesWithHigherPriorityWinAndComposeComponents()
    {
        await using var es = await TestEmulator.StartAsync();
        (await es.PutAsync("/_component_template/ecs-base", """{"template":{"mappings":{"properties":{"service":{"properties":{"name":{"type":"keyword"}}}}}}}""")).Code.ShouldBe(200);
        (await es.PutAsync("/_index_template/shop", """
            {"index_patterns":["logs-shop-*"],"priority":200,"composed_of":["ecs-base"],"data_stream":{},
             "template":{"settings":{"number_of_replicas":0},"mappings":{"properties":{"order":{"properties":{"id":{"type":"keyword"}}}}}}}
            """)).Code.ShouldBe(200);
        await es.PostAsync("/logs-shop-prod/_doc", """{"@timestamp":"2024-05-01T10:00:00Z","order":{"id":"o-1"}}""");
        var stream = (await es.GetAsync("/_data_stream/logs-shop-prod")).Json["data_streams"]![0]!;
        stream["template"]!.GetValue<string>().ShouldBe("shop");
        var backing = stream["indices"]![0]!["index_name"]!.GetValue<string>();
        var index = (await es.GetAsync("/" + backing)).Json[backing]!;
        index["settings"]!["index"]!["number_of_replicas"]!.GetValue<string>().ShouldBe("0");
        index["mappings"]!["properties"]!["service"]!["properties"]!["name"]!["type"]!.GetValue<string>().ShouldBe("keyword");
        index["data_stream"]!.GetValue<string>().ShouldBe("logs-shop-prod");
    }

    [Fact]
    public async Task RolloverAddsAGenerationAndSearchSpansBackingIndices()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PostAsync("/logs-roll-default/_doc?refresh=true", Doc);
        var rolled = await es.PostAsync("/logs-roll-default/_rollover");
        rolled.Json["rolled_over"]!.GetValue<bool>().ShouldBeTrue();
        rolled.Json["new_index"]!.GetValue<string>().ShouldEndWith("-000002");
        await es.PostAsync("/logs-roll-default/_doc?refresh=true", Doc);
        var resolved = es.Host.Cluster.Resolve("logs-roll-*", ObservabilityStack.Emulator.Storage.IndicesOptions.Lenient);
        resolved.Count.ShouldBe(2);
        resolved.Sum(i => i.Table.Count).ShouldBe(2);
    }

    [Fact]
    public async Task DeletingADataStreamRemovesItsBackingIndices()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PostAsync("/logs-del-default/_doc", Doc);
        (await es.DeleteAsync("/_data_stream/logs-del-default")).Code.ShouldBe(200);
        (await es.GetAsync("/_data_stream/logs-del-default")).ErrorType.ShouldBe("index_not_found_exception");
        es.Host.Cluster.AllIndices.ShouldBeEmpty();
    }

    [Fact]
    public async Task ExplicitIndexCreationIsRefusedWhenADataStreamTemplateMatches()
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.PutAsync("/logs-foo-bar");
        answer.Code.ShouldBe(400);
        answer.ErrorReason!.ShouldContain("creates data streams only, use create data stream api instead");
    }
}
