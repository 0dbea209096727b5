using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Faults;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task TheNextNMatchingRequestsAnswerTheInjectedStatusWithRetryAfter()
    {
        await using var es = await TestEmulator.StartAsync();
        (await es.PostAsync("/_emulator/faults", """{"status":429,"count":2,"path":"/_bulk","retry_after":3}""")).Code.ShouldBe(200);
        (await es.GetAsync("/")).Code.ShouldBe(200);
        var first = await es.BulkAsync("/_bulk", """{"index":{"_index":"f"}}""", """{"a":1}""");
        first.Code.ShouldBe(429);
        first.ErrorType.ShouldBe("es_rejected_execution_exception");
        first.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3));
        (await es.BulkAsync("/_bulk", """{"index":{"_index":"f"}}""", """{"a":1}""")).Code.ShouldBe(429);
        (await es.BulkAsync("/_bulk", """{"index":{"_index":"f"}}""", """{"a":1}""")).Code.ShouldBe(200);
        var described = await es.GetAsync("/_emulator/faults");
        described.Json["requests_failed"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task RejectItemsFailsChosenBulkItemsOnly()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PostAsync("/_emulator/faults", """{"reject_items":1,"status":400,"type":"document_parsing_exception"}""");
        var answer = await es.BulkAsync("/_bulk", """{"index":{"_index":"f","_id":"1"}}""", """{"a":1}""", """{"index":{"_index":"f","_id":"2"}}""", """{"a":2}""");
        answer.Json["errors"]!.GetValue<bool>().ShouldBeTrue();
        answer.Json["items"]![0]!["index"]!["status"]!.GetValue<int>().ShouldBe(400);
        answer.Json["items"]![0]!["index"]!["error"]!["type"]!.GetValue<string>().ShouldBe("document_parsing_exception");
        answer.Json["items"]![1]!["index"]!["status"]!.GetValue<int>().ShouldBe(201);
    }

    [Fact]
    public async Task DelaysSlowAnswersAndDeleteClearsAllFaults()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PostAsync("/_emulator/faults", """{"status":503,"count":5}""");
        (await es.GetAsync("/_cluster/health")).Code.ShouldBe(503);
        (await es.DeleteAsync("/_emulator/faults")).Code.ShouldBe(200);
        (await es.GetAsync("/_cluster/health")).Code.ShouldBe(200);
        await es.PostAsync("/_emulator/faults", """{"delay_ms":300,"count":1}""");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        (await es.GetAsync("/")).Code.ShouldBe(200);
        watch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(250);
    }

    [Fact]
    public async Task AFaultWithoutEffectIsABadRequest()
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.PostAsync("/_emulator/faults", """{"count":1}""");
        answer.Code.ShouldBe(400);
        answer.ErrorType.ShouldBe("illegal_argument_exception");
    }
}
