using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Apis;

public sealed class StatsAndHealthTests
{
    [Fact]
    public async Task HealthTurnsYellowWhenReplicasCannotBeAssignedAndClosedIndicesStillCount()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/fine", """{"settings":{"number_of_replicas":1}}""");
        (await es.GetAsync("/_cluster/health")).Json["status"]!.GetValue<string>().ShouldBe("green");
        await es.PutAsync("/many", """{"settings":{"number_of_replicas":5}}""");
        var yellow = await es.GetAsync("/_cluster/health");
        yellow.Json["status"]!.GetValue<string>().ShouldBe("yellow");
        yellow.Json["unassigned_shards"]!.GetValue<int>().ShouldBe(4);
        var waited = await es.GetAsync("/_cluster/health?wait_for_status=green");
        waited.Code.ShouldBe(408);
        waited.Json["timed_out"]!.GetValue<bool>().ShouldBeTrue();
        // Since 7.2 closed indices keep their (replicated) shards, so closing does not change health; deleting does.
        await es.PostAsync("/many/_close");
        (await es.GetAsync("/_cluster/health")).Json["status"]!.GetValue<string>().ShouldBe("yellow");
        await es.DeleteAsync("/many");
        (await es.GetAsync("/_cluster/health")).Json["status"]!.GetValue<string>().ShouldBe("green");
    }

    [Fact]
    public async Task StatsCountDocumentsAndSizes()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.BulkAsync("/st/_bulk?refresh=true", """{"index":{}}""", """{"a":1}""", """{"index":{}}""", """{"a":2}""");
        var stats = await es.GetAsync("/st/_stats");
        stats.Json["_all"]!["primaries"]!["docs"]!["count"]!.GetValue<long>().ShouldBe(2);
        stats.Json["indices"]!["st"]!["total"]!["store"]!["size_in_bytes"]!.GetValue<long>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task SizeZeroSearchesAreAnsweredFromTheRequestCacheUntilARefreshChangesData()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/rc/_doc/1?refresh=true", """{"a":1}""");
        var cluster = es.Host.Cluster;
        var index = cluster.FindIndex("rc")!;
        var context = new EmulatorContext(cluster, new ObservabilityStack.Emulator.Faults.FaultInjector(), new EmulatorOptions());
        var cache = context.RequestCache;
        var tables = new[] { index.Table };
        var key = ObservabilityStack.Emulator.Apis.RequestCache.Key([index], "{\"size\":0}", new Dictionary<string, string>());
        cache.TryGet(key, [index], tables).ShouldBeNull();
        cache.Put(key, tables, [1, 2, 3]);
        cache.TryGet(key, [index], tables).ShouldBe([1, 2, 3]);
        await es.PutAsync("/rc/_doc/2?refresh=true", """{"a":2}""");
        cache.TryGet(key, [index], [index.Table]).ShouldBeNull();
        index.RequestCacheHits.ShouldBe(1);
        index.RequestCacheMisses.ShouldBe(2);
        ObservabilityStack.Emulator.Apis.RequestCache.Applies("{\"size\":0,\"query\":{\"range\":{\"t\":{\"gte\":\"now-1h\"}}}}", new Dictionary<string, string>()).ShouldBeFalse();
    }
}
