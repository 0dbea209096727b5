using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Durability;

public sealed class CompactionDurabilityTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "obs-emulator-" + Guid.NewGuid().ToString("N"));

    private Task<TestEmulator> StartAsync() => TestEmulator.StartAsync(new EmulatorOptions { DataDirectory = _dir });

    [Fact]
    public async Task SourcesCompactedInMemoryAreReplayedAtTheirLatestVersionAfterARestart()
    {
        var pad = new string('p', 1500);
        await using (var es = await StartAsync())
        {
            for (var round = 1; round <= 3; round++)
            {
                var lines = new List<object>();
                for (var i = 0; i < 2000; i++)
                {
                    lines.Add($$$"""{"index":{"_index":"busy","_id":"d{{{i}}}"}}""");
                    lines.Add($$$"""{"round":{{{round}}},"pad":"{{{pad}}}"}""");
                }

                (await es.BulkAsync("/_bulk", [.. lines])).Json["errors"]!.GetValue<bool>().ShouldBeFalse();
            }

            await es.PostAsync("/busy/_refresh");
            // Without compaction two overwritten rounds (about 6 MB) would be dead against one live round; a
            // background refresh may already have compacted part-way through the last round.
            var (live, dead) = es.Host.Cluster.FindIndex("busy")!.SourceBytes;
            dead.ShouldBeLessThanOrEqualTo(live);
            (await es.GetAsync("/busy/_doc/d7")).Json["_source"]!["round"]!.GetValue<int>().ShouldBe(3);
        }

        await using (var es = await StartAsync())
        {
            var doc = await es.GetAsync("/busy/_doc/d1999");
            doc.Json["_source"]!["round"]!.GetValue<int>().ShouldBe(3);
            doc.Json["_version"]!.GetValue<int>().ShouldBe(3);
            (await es.GetAsync("/busy/_count")).Json["count"]!.GetValue<int>().ShouldBe(2000);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
