using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Durability;

public sealed class DurabilityTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "obs-emulator-" + Guid.NewGuid().ToString("N"));

    private Task<TestEmulator> StartAsync() => TestEmulator.StartAsync(new EmulatorOptions { DataDirectory = _dir });

    [Fact]
    public async Task AcknowledgedWritesAndMetadataSurviveARestart()
    {
        await using (var es = await StartAsync())
        {
            await es.PutAsync("/_ilm/policy/keep", """{"policy":{"phases":{"delete":{"min_age":"7d","actions":{"delete":{}}}}}}""");
            await es.PutAsync("/_index_template/kept", """{"index_patterns":["kept-*"],"template":{"mappings":{"properties":{"k":{"type":"keyword"}}}}}""");
            await es.PutAsync("/kept-1/_doc/1", """{"k":"a","n":1}""");
            await es.BulkAsync("/_bulk", """{"create":{"_index":"logs-app-default"}}""", """{"@timestamp":"2024-01-01T00:00:00Z","m":"x"}""");
            await es.PutAsync("/kept-1/_doc/2", """{"k":"b"}""");
            await es.DeleteAsync("/kept-1/_doc/2");
        }

        await using (var es = await StartAsync())
        {
            var doc = await es.GetAsync("/kept-1/_doc/1");
            doc.Json["_source"]!["k"]!.GetValue<string>().ShouldBe("a");
            (await es.GetAsync("/kept-1/_doc/2")).Code.ShouldBe(404);
            (await es.GetAsync("/kept-1/_mapping")).Json["kept-1"]!["mappings"]!["properties"]!["n"]!["type"]!.GetValue<string>().ShouldBe("long");
            (await es.GetAsync("/_ilm/policy/keep")).Code.ShouldBe(200);
            (await es.GetAsync("/_index_template/kept")).Code.ShouldBe(200);
            var stream = (await es.GetAsync("/_data_stream/logs-app-default")).Json["data_streams"]![0]!;
            var backing = stream["indices"]![0]!["index_name"]!.GetValue<string>();
            es.Host.Cluster.FindIndex(backing)!.Table.Count.ShouldBe(1);
            var next = await es.PutAsync("/kept-1/_doc/3", """{"k":"c"}""");
            next.Json["_seq_no"]!.GetValue<long>().ShouldBe(3);
        }
    }

    [Fact]
    public async Task ATornLogTailIsTruncatedAndEarlierRecordsKept()
    {
        await using (var es = await StartAsync())
        {
            await es.PutAsync("/torn/_doc/1", """{"a":1}""");
            await es.PutAsync("/torn/_doc/2", """{"a":2}""");
        }

        var log = Directory.GetFiles(Path.Combine(_dir, "indices"), "*.log").Single();
        var length = new FileInfo(log).Length;
        await using (var stream = new FileStream(log, FileMode.Open))
        {
            stream.SetLength(length - 3);
        }

        await using (var es = await StartAsync())
        {
            (await es.GetAsync("/torn/_doc/1")).Json["found"]!.GetValue<bool>().ShouldBeTrue();
            (await es.GetAsync("/torn/_doc/2")).Code.ShouldBe(404);
            (await es.PutAsync("/torn/_doc/3", """{"a":3}""")).Code.ShouldBe(201);
        }

        await using (var es = await StartAsync())
        {
            (await es.GetAsync("/torn/_doc/3")).Json["found"]!.GetValue<bool>().ShouldBeTrue();
        }
    }

    [Fact]
    public async Task DeletedIndicesStayDeletedAfterARestart()
    {
        await using (var es = await StartAsync())
        {
            await es.PutAsync("/gone/_doc/1", """{"a":1}""");
            await es.DeleteAsync("/gone");
        }

        await using (var es = await StartAsync())
        {
            (await es.HeadAsync("/gone")).Code.ShouldBe(404);
            Directory.GetFiles(Path.Combine(_dir, "indices")).ShouldBeEmpty();
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
