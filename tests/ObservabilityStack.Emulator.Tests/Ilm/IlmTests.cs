using ObservabilityStack.Emulator.Tests.Support;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Emulator.Tests.Ilm;

public sealed class IlmTests
{
    private const string Doc = """{"@timestamp":"2024-05-01T10:00:00Z","message":"hi"}""";

    private static async Task<TestEmulator> WithPolicyAsync(ManualClock clock)
    {
        var es = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock, IlmPollInterval = TimeSpan.FromDays(20) });
        (await es.PutAsync("/_ilm/policy/short", """
            {"policy":{"phases":{"hot":{"actions":{"rollover":{"max_age":"1d","max_docs":1000}}},"delete":{"min_age":"2d","actions":{"delete":{}}}}}}
            """)).Code.ShouldBe(200);
        (await es.PutAsync("/_index_template/ilm", """
            {"index_patterns":["logs-ilm-*"],"priority":300,"data_stream":{},"template":{"settings":{"index.lifecycle.name":"short"}}}
            """)).Code.ShouldBe(200);
        return es;
    }

    [Fact]
    public async Task IlmRollsOverByAgeAndDeletesAfterMinAgeOnAMovedClock()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));
        await using var es = await WithPolicyAsync(clock);
        await es.PostAsync("/logs-ilm-default/_doc", Doc);
        await es.PostAsync("/_emulator/ilm/run");
        var stream = (await es.GetAsync("/_data_stream/logs-ilm-default")).Json["data_streams"]![0]!;
        stream["generation"]!.GetValue<int>().ShouldBe(1);
        stream["ilm_policy"]!.GetValue<string>().ShouldBe("short");

        clock.Advance(TimeSpan.FromHours(25));
        await es.PostAsync("/_emulator/ilm/run");
        stream = (await es.GetAsync("/_data_stream/logs-ilm-default")).Json["data_streams"]![0]!;
        stream["generation"]!.GetValue<int>().ShouldBe(2);
        var first = stream["indices"]![0]!["index_name"]!.GetValue<string>();
        var explain = await es.GetAsync($"/{first}/_ilm/explain");
        explain.Json["indices"]![first]!["managed"]!.GetValue<bool>().ShouldBeTrue();
        explain.Json["indices"]![first]!["policy"]!.GetValue<string>().ShouldBe("short");

        clock.Advance(TimeSpan.FromDays(2));
        await es.PostAsync("/_emulator/ilm/run");
        (await es.HeadAsync("/" + first)).Code.ShouldBe(404);
        stream = (await es.GetAsync("/_data_stream/logs-ilm-default")).Json["data_streams"]![0]!;
        stream["indices"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task AnEmptyWriteIndexIsNotRolledOver()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));
        await using var es = await WithPolicyAsync(clock);
        await es.PutAsync("/_data_stream/logs-ilm-empty");
        clock.Advance(TimeSpan.FromDays(3));
        await es.PostAsync("/_emulator/ilm/run");
        (await es.GetAsync("/_data_stream/logs-ilm-empty")).Json["data_streams"]![0]!["generation"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task PoliciesCanBeReadVersionedAndNotDeletedWhileInUse()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));
        await using var es = await WithPolicyAsync(clock);
        await es.PutAsync("/_ilm/policy/short", """{"policy":{"phases":{"hot":{"actions":{"rollover":{"max_docs":5}}}}}}""");
        var got = await es.GetAsync("/_ilm/policy/short");
        got.Json["short"]!["version"]!.GetValue<int>().ShouldBe(2);
        await es.PutAsync("/managed", """{"settings":{"index.lifecycle.name":"short"}}""");
        var inUse = await es.DeleteAsync("/_ilm/policy/short");
        inUse.Code.ShouldBe(400);
        inUse.ErrorReason.ShouldBe("Cannot delete policy [short]. It is in use by one or more indices: [managed]");
        (await es.GetAsync("/_ilm/policy/missing")).Code.ShouldBe(404);
    }

    [Fact]
    public async Task InvalidPoliciesAreRejected()
    {
        await using var es = await TestEmulator.StartAsync();
        var order = await es.PutAsync("/_ilm/policy/bad", """{"policy":{"phases":{"warm":{"min_age":"10s","actions":{}},"delete":{"min_age":"5s","actions":{"delete":{}}}}}}""");
        order.Code.ShouldBe(400);
        order.ErrorReason!.ShouldContain("before the warm phase");
        var forcemerge = await es.PutAsync("/_ilm/policy/bad", """{"policy":{"phases":{"hot":{"actions":{"forcemerge":{"max_num_segments":1}}}}}}""");
        forcemerge.Code.ShouldBe(400);
    }

    [Fact]
    public async Task ExplainReportsUnmanagedAndMissingPolicies()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/plain");
        await es.PutAsync("/orphan", """{"settings":{"index.lifecycle.name":"nowhere"}}""");
        var explain = await es.GetAsync("/*/_ilm/explain");
        explain.Json["indices"]!["plain"]!["managed"]!.GetValue<bool>().ShouldBeFalse();
        explain.Json["indices"]!["orphan"]!["step"]!.GetValue<string>().ShouldBe("ERROR");
        var errors = await es.GetAsync("/*/_ilm/explain?only_errors=true");
        errors.Json["indices"]!.AsObject().Select(p => p.Key).ShouldBe(["orphan"]);
    }
}
