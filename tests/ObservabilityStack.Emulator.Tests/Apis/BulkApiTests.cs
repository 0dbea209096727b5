using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Apis;

public sealed class BulkApiTests
{
    [Fact]
    public async Task BulkAppliesEveryActionAndReportsPerItemResults()
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.BulkAsync("/_bulk?refresh=true",
            """{"index":{"_index":"b","_id":"1"}}""", """{"f":1}""",
            """{"create":{"_index":"b","_id":"2"}}""", """{"f":2}""",
            """{"create":{"_index":"b","_id":"1"}}""", """{"f":3}""",
            """{"update":{"_index":"b","_id":"2"}}""", """{"doc":{"g":1}}""",
            """{"delete":{"_index":"b","_id":"1"}}""",
            """{"index":{"_index":"b","_id":""}}""", """{"f":4}""");
        answer.Code.ShouldBe(200);
        answer.Json["errors"]!.GetValue<bool>().ShouldBeTrue();
        answer.Json["took"].ShouldNotBeNull();
        var items = answer.Json["items"]!.AsArray();
        items.Count.ShouldBe(6);
        items[0]!["index"]!["status"]!.GetValue<int>().ShouldBe(201);
        items[1]!["create"]!["result"]!.GetValue<string>().ShouldBe("created");
        items[2]!["create"]!["status"]!.GetValue<int>().ShouldBe(409);
        items[2]!["create"]!["error"]!["type"]!.GetValue<string>().ShouldBe("version_conflict_engine_exception");
        items[3]!["update"]!["result"]!.GetValue<string>().ShouldBe("updated");
        items[4]!["delete"]!["result"]!.GetValue<string>().ShouldBe("deleted");
        items[5]!["index"]!["error"]!["reason"]!.GetValue<string>().ShouldBe("if _id is specified it must not be empty");
    }

    [Fact]
    public async Task BulkWithoutErrorsSaysSoAndUsesThePathIndex()
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.BulkAsync("/p/_bulk", """{"index":{}}""", """{"f":1}""", """{"index":{"_id":"x"}}""", """{"f":2}""");
        answer.Json["errors"]!.GetValue<bool>().ShouldBeFalse();
        answer.Json["items"]![0]!["index"]!["_index"]!.GetValue<string>().ShouldBe("p");
        (await es.GetAsync("/p/_doc/x")).Json["found"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task AnEmptyActionLineRejectsTheWholeRequest()
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.BulkAsync("/_bulk", """{"index":{"_index":"t","_id":"1"}}""", """{"f":1}""", "{}");
        answer.Code.ShouldBe(400);
        answer.ErrorType.ShouldBe("illegal_argument_exception");
        answer.ErrorReason.ShouldBe("Malformed action/metadata line [3], expected FIELD_NAME but found [END_OBJECT]");
    }

    [Fact]
    public async Task AMappingConflictFailsOnlyThatItem()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/typed", """{"mappings":{"properties":{"when":{"type":"date"},"n":{"type":"long"}}}}""");
        var answer = await es.BulkAsync("/typed/_bulk",
            """{"index":{"_id":"1"}}""", """{"when":"2024-05-01T10:00:00Z","n":1}""",
            """{"index":{"_id":"2"}}""", """{"when":"not a date"}""",
            """{"index":{"_id":"3"}}""", """{"n":"abc"}""");
        var items = answer.Json["items"]!.AsArray();
        items[0]!["index"]!["status"]!.GetValue<int>().ShouldBe(201);
        items[1]!["index"]!["status"]!.GetValue<int>().ShouldBe(400);
        items[1]!["index"]!["error"]!["type"]!.GetValue<string>().ShouldBe("document_parsing_exception");
        items[1]!["index"]!["error"]!["reason"]!.GetValue<string>().ShouldContain("failed to parse field [when] of type [date]");
        items[2]!["index"]!["error"]!["reason"]!.GetValue<string>().ShouldContain("failed to parse field [n] of type [long]");
        (await es.GetAsync("/typed/_doc/2")).Code.ShouldBe(404);
    }

    [Fact]
    public async Task ConcurrentBulkWritersLoseNothing()
    {
        await using var es = await TestEmulator.StartAsync();
        const int writers = 8, batches = 10, perBatch = 50;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            for (var b = 0; b < batches; b++)
            {
                var lines = new List<object>();
                for (var i = 0; i < perBatch; i++)
                {
                    lines.Add($$$"""{"index":{"_index":"par-{{{w % 2}}}","_id":"{{{w}}}-{{{b}}}-{{{i}}}"}}""");
                    lines.Add($$"""{"w":{{w}},"b":{{b}},"i":{{i}},"msg":"hello"}""");
                }

                var answer = await es.BulkAsync("/_bulk", [.. lines]);
                answer.Json["errors"]!.GetValue<bool>().ShouldBeFalse(answer.Raw[..Math.Min(answer.Raw.Length, 2000)]);
            }
        }));

        var total = es.Host.Cluster.AllIndices.Sum(i => i.LiveCount);
        total.ShouldBe(writers * batches * perBatch);
        var seqNos = es.Host.Cluster.FindIndex("par-0")!.LiveCount;
        seqNos.ShouldBe(writers / 2 * batches * perBatch);
    }
}
