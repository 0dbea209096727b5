using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Apis;

public sealed class EmulatorStatsTests
{
    [Fact]
    public async Task WithWarmColumnsEveryRefreshedRunGetsItsColumnsInTheBackgroundAndStatsShowsIt()
    {
        await using var es = await TestEmulator.StartAsync(new EmulatorOptions { WarmColumns = true });
        await IndexAsync(es);

        // The warmer passes every 2 s and warms a run once it survived one pass; poll instead of timing it.
        var stats = await es.GetAsync("/_emulator/stats");
        for (var attempt = 0; attempt < 100 && stats.Json["warmed_runs"]!.GetValue<long>() < stats.Json["runs"]!.GetValue<long>(); attempt++)
        {
            await Task.Delay(200);
            stats = await es.GetAsync("/_emulator/stats");
        }

        stats.Json["warm_columns"]!.GetValue<bool>().ShouldBeTrue();
        stats.Json["documents"]!.GetValue<long>().ShouldBe(3);
        stats.Json["runs"]!.GetValue<long>().ShouldBeGreaterThan(0);
        stats.Json["warmed_runs"]!.GetValue<long>().ShouldBe(stats.Json["runs"]!.GetValue<long>(), stats.Raw);
    }

    [Fact]
    public async Task WithoutWarmColumnsStatsSaysSoAndSearchesStillAnswerFromColumnsBuiltOnFirstUse()
    {
        await using var es = await TestEmulator.StartAsync();
        await IndexAsync(es);
        var search = await es.PostAsync("/logs/_search", """{"size":0,"aggs":{"levels":{"terms":{"field":"level"}}}}""");
        search.Json["aggregations"]!["levels"]!["buckets"]!.AsArray().Count.ShouldBe(2);

        var stats = await es.GetAsync("/_emulator/stats");
        stats.Json["warm_columns"]!.GetValue<bool>().ShouldBeFalse();
        stats.Json["documents"]!.GetValue<long>().ShouldBe(3);
        stats.Json["warmed_runs"]!.GetValue<long>().ShouldBe(0, "a search builds only the blocks it reads; warming is the background pass");
    }

    private static async Task IndexAsync(TestEmulator es)
    {
        (await es.PutAsync("/logs", """{"mappings":{"properties":{"@timestamp":{"type":"date"},"level":{"type":"keyword"}}}}""")).Code.ShouldBe(200);
        var bulk = await es.BulkAsync("/logs/_bulk?refresh=true",
            """{"index":{}}""", """{"@timestamp":"2026-11-22T07:00:00Z","level":"info"}""",
            """{"index":{}}""", """{"@timestamp":"2026-11-22T07:00:01Z","level":"error"}""",
            """{"index":{}}""", """{"@timestamp":"2026-11-22T07:00:02Z","level":"info"}""");
        bulk.Code.ShouldBe(200, bulk.Raw);
    }
}
