using ObservabilityStack.Emulator.Storage;
using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Storage;

public sealed class RefreshTests
{
    private static int Visible(TestEmulator es, string index) =>
        new IndexShard(es.Host.Cluster.FindIndex(index)!).Documents().Count();

    [Fact]
    public async Task WritesAreInvisibleToSearchUntilARefresh()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/vis", """{"settings":{"refresh_interval":"-1"}}""");
        await es.PutAsync("/vis/_doc/1", """{"a":1}""");
        Visible(es, "vis").ShouldBe(0);
        (await es.GetAsync("/vis/_doc/1")).Json["found"]!.GetValue<bool>().ShouldBeTrue();
        await es.PostAsync("/vis/_refresh");
        Visible(es, "vis").ShouldBe(1);
    }

    [Fact]
    public async Task RefreshTrueAndWaitForMakeWritesVisibleBeforeAnswering()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/rt", """{"settings":{"refresh_interval":"-1"}}""");
        var forced = await es.PutAsync("/rt/_doc/1?refresh=true", """{"a":1}""");
        forced.Json["forced_refresh"]!.GetValue<bool>().ShouldBeTrue();
        Visible(es, "rt").ShouldBe(1);
        await es.BulkAsync("/rt/_bulk?refresh=wait_for", """{"index":{"_id":"2"}}""", """{"a":2}""");
        Visible(es, "rt").ShouldBe(2);
    }

    [Fact]
    public async Task TheOneSecondIntervalRefreshesOnItsOwn()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/auto-refresh/_doc/1", """{"a":1}""");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (Visible(es, "auto-refresh") == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Visible(es, "auto-refresh").ShouldBe(1);
    }

    [Fact]
    public async Task TimeRangeLookupsReturnOnlyTheWindowInTimestampOrder()
    {
        await using var es = await TestEmulator.StartAsync();
        var lines = new List<object>();
        foreach (var minute in new[] { 5, 1, 3, 2, 4 })
        {
            lines.Add($$$"""{"index":{"_id":"m{{{minute}}}"}}""");
            lines.Add($$"""{"@timestamp":"2024-01-01T00:0{{minute}}:00Z"}""");
        }

        lines.Add("""{"index":{"_id":"untimed"}}""");
        lines.Add("""{"a":1}""");
        await es.BulkAsync("/ranged/_bulk?refresh=true", [.. lines]);
        var from = DateTimeOffset.Parse("2024-01-01T00:02:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var to = from + 120_000;
        var shard = new IndexShard(es.Host.Cluster.FindIndex("ranged")!);
        shard.Documents(from, to).Select(d => d.Id).ShouldBe(["m2", "m3", "m4"]);
        shard.Documents().Count().ShouldBe(6);
        shard.Documents(from, null).Select(d => d.Id).ShouldBe(["m2", "m3", "m4", "m5"]);
    }

    [Fact]
    public async Task DeletesAndOverwritesDisappearFromSearchAtRefresh()
    {
        await using var es = await TestEmulator.StartAsync();
        await es.PutAsync("/ow/_doc/1?refresh=true", """{"@timestamp":"2024-01-01T00:00:00Z","v":1}""");
        await es.PutAsync("/ow/_doc/1?refresh=true", """{"@timestamp":"2024-01-02T00:00:00Z","v":2}""");
        var docs = new IndexShard(es.Host.Cluster.FindIndex("ow")!).Documents().ToList();
        docs.Count.ShouldBe(1);
        docs[0].Source.GetProperty("v").GetInt32().ShouldBe(2);
        await es.DeleteAsync("/ow/_doc/1?refresh=true");
        Visible(es, "ow").ShouldBe(0);
    }
}
