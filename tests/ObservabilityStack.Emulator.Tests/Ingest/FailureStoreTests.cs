using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Ingest;

public sealed class FailureStoreTests
{
    private const string Template = """
        {"index_patterns":["fs-*"],"data_stream":{},"template":{"data_stream_options":{"failure_store":{"enabled":true}},
         "mappings":{"properties":{"@timestamp":{"type":"date"},"count":{"type":"long"}}}}}
        """;

    [Fact]
    public async Task ARejectedDocumentLandsInTheFailureStoreWithItsErrorAndTheWriteSucceeds()
    {
        await using var es = await TestEmulator.StartAsync();
        (await es.PutAsync("/_index_template/fs", Template)).Code.ShouldBe(200);
        (await es.PutAsync("/_data_stream/fs-app")).Code.ShouldBe(200);
        var before = (await es.GetAsync("/_data_stream/fs-app")).Json["data_streams"]![0]!;
        before["failure_store"]!["enabled"]!.GetValue<bool>().ShouldBeTrue();
        before["failure_store"]!["indices"]!.AsArray().ShouldBeEmpty();

        var answer = await es.PostAsync("/fs-app/_doc?refresh=true", """{"@timestamp":"2026-01-01T00:00:00Z","count":"not a number"}""");
        answer.Code.ShouldBe(201, answer.Raw);
        answer.Json["failure_store"]!.GetValue<string>().ShouldBe("used");
        var failureIndex = answer.Json["_index"]!.GetValue<string>();
        failureIndex.ShouldStartWith(".fs-fs-app-");
        failureIndex.ShouldEndWith("-000002");

        var stream = (await es.GetAsync("/_data_stream/fs-app")).Json["data_streams"]![0]!;
        stream["generation"]!.GetValue<int>().ShouldBe(2);
        stream["failure_store"]!["indices"]![0]!["index_name"]!.GetValue<string>().ShouldBe(failureIndex);
        (await es.GetAsync("/fs-app/_count")).Json["count"]!.GetValue<int>().ShouldBe(0);
        var stored = await es.PostAsync($"/{failureIndex}/_search", """{"query":{"match_all":{}}}""");
        var failure = stored.Json["hits"]!["hits"]![0]!["_source"]!;
        failure["error"]!["type"]!.GetValue<string>().ShouldBe("document_parsing_exception");
        failure["document"]!["index"]!.GetValue<string>().ShouldBe("fs-app");
        failure["document"]!["source"]!["count"]!.GetValue<string>().ShouldBe("not a number");

        (await es.DeleteAsync("/_data_stream/fs-app")).Code.ShouldBe(200);
        (await es.GetAsync($"/{failureIndex}")).Code.ShouldBe(404);
    }

    [Fact]
    public async Task ABulkItemTheStreamRejectsGoesToTheFailureStoreAndTheOthersAreIndexedAsUsual()
    {
        await using var es = await TestEmulator.StartAsync();
        (await es.PutAsync("/_index_template/fs", Template)).Code.ShouldBe(200);

        var answer = await es.BulkAsync("/_bulk?refresh=true",
            """{"create":{"_index":"fs-orders","_id":"good"}}""", """{"@timestamp":"2026-01-01T00:00:00Z","count":1}""",
            """{"create":{"_index":"fs-orders","_id":"bad"}}""", """{"@timestamp":"2026-01-01T00:00:01Z","count":"many"}""",
            """{"create":{"_index":"fs-orders","_id":"good"}}""", """{"@timestamp":"2026-01-01T00:00:00Z","count":1}""");

        answer.Code.ShouldBe(200, answer.Raw);
        var items = answer.Json["items"]!.AsArray();
        items[0]!["create"]!["status"]!.GetValue<int>().ShouldBe(201);
        items[0]!["create"]!["failure_store"].ShouldBeNull();
        items[1]!["create"]!["status"]!.GetValue<int>().ShouldBe(201);
        items[1]!["create"]!["failure_store"]!.GetValue<string>().ShouldBe("used");
        items[1]!["create"]!["_index"]!.GetValue<string>().ShouldStartWith(".fs-fs-orders-");
        // A version conflict is the caller's business, never a failure-store document.
        items[2]!["create"]!["status"]!.GetValue<int>().ShouldBe(409);
        answer.Json["errors"]!.GetValue<bool>().ShouldBeTrue();

        (await es.GetAsync("/fs-orders/_count")).Json["count"]!.GetValue<int>().ShouldBe(1);
        var failuresIndex = items[1]!["create"]!["_index"]!.GetValue<string>();
        var stored = (await es.PostAsync($"/{failuresIndex}/_search", "{}")).Json["hits"]!["hits"]!.AsArray();
        stored.Count.ShouldBe(1);
        stored[0]!["_source"]!["document"]!["id"]!.GetValue<string>().ShouldBe("bad");
        stored[0]!["_source"]!["document"]!["source"]!["count"]!.GetValue<string>().ShouldBe("many");
        stored[0]!["_source"]!["error"]!["type"]!.GetValue<string>().ShouldBe("document_parsing_exception");
    }

    [Fact]
    public async Task WithoutTheFailureStoreTheSameDocumentIsRefused()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/_index_template/plain", """{"index_patterns":["plain-*"],"data_stream":{},"template":{"mappings":{"properties":{"count":{"type":"long"}}}}}""");
        var answer = await es.PostAsync("/plain-app/_doc", """{"@timestamp":"2026-01-01T00:00:00Z","count":"not a number"}""");
        answer.Code.ShouldBe(400);
        answer.ErrorType.ShouldBe("document_parsing_exception");
    }
}
