using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Apis;

/// <summary>
/// Bulk writers, refreshes, searches and GETs all at once against one emulator. Writers overwrite their ids with
/// large sources round after round, so refreshes merge runs and compact the source arena while items are being
/// appended and read. Every answer a reader sees must be self-consistent, and the end state must be exact.
/// </summary>
public sealed class BulkConcurrencyStressTests
{
    private const int Writers = 6;
    private const int Rounds = 6;
    private const int IdsPerWriter = 60;

    // 8 KB per source: the overwrites leave about 7 MB of dead bytes per shared index, enough to compact.
    private static readonly string Padding = new('x', 8192);

    [Fact]
    public async Task ConcurrentBulkWritersRefreshesSearchesAndGetsSeeConsistentDocuments()
    {
        await using var es = await TestEmulator.StartAsync();
        var problems = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var readers = new[]
        {
            Loop(async () => (await es.PostAsync("/_refresh")).Code.ShouldBe(200), stop.Token),
            Loop(() => SearchAsync(es, problems), stop.Token),
            Loop(() => GetAsync(es, problems), stop.Token),
        };

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => WriteAsync(es, w, problems)));
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        problems.ShouldBeEmpty();

        (await es.PostAsync("/_refresh")).Code.ShouldBe(200);
        foreach (var index in new[] { "shared-0", "shared-1" })
        {
            es.Host.Cluster.FindIndex(index)!.LiveCount.ShouldBe(Writers / 2 * IdsPerWriter);
            (await es.GetAsync($"/{index}/_count")).Json["count"]!.GetValue<int>().ShouldBe(Writers / 2 * IdsPerWriter);
        }

        for (var w = 0; w < Writers; w++)
        {
            es.Host.Cluster.FindIndex($"own-{w}")!.LiveCount.ShouldBe(IdsPerWriter);
            for (var i = 0; i < IdsPerWriter; i++)
            {
                var doc = await es.GetAsync($"/shared-{w % 2}/_doc/{w}-{i}");
                doc.Json["_source"]!["round"]!.GetValue<int>().ShouldBe(Rounds - 1);
                doc.Json["_source"]!["id"]!.GetValue<string>().ShouldBe($"{w}-{i}");
                doc.Json["_version"]!.GetValue<int>().ShouldBe(Rounds);
                var own = await es.GetAsync($"/own-{w}/_doc/{i}");
                own.Json["_source"]!["id"]!.GetValue<string>().ShouldBe($"{i}");
            }
        }

        // The overwrites left far more dead than live bytes (7 MB against 1.5 MB): a refresh compacted them away.
        var (live, dead) = es.Host.Cluster.FindIndex("shared-0")!.SourceBytes;
        dead.ShouldBeLessThanOrEqualTo(Math.Max(4L * 1024 * 1024, live));
    }

    private static async Task WriteAsync(TestEmulator es, int w, ConcurrentQueue<string> problems)
    {
        for (var round = 0; round < Rounds; round++)
        {
            var lines = new List<object>();
            for (var i = 0; i < IdsPerWriter; i++)
            {
                lines.Add($$$"""{"index":{"_index":"shared-{{{w % 2}}}","_id":"{{{w}}}-{{{i}}}"}}""");
                lines.Add($$$"""{"id":"{{{w}}}-{{{i}}}","round":{{{round}}},"@timestamp":"2024-05-01T10:{{{i % 60:00}}}:00Z","pad":"{{{Padding}}}"}""");
                lines.Add($$$"""{"index":{"_index":"own-{{{w}}}","_id":"{{{i}}}"}}""");
                lines.Add($$$"""{"id":"{{{i}}}","round":{{{round}}}}""");
            }

            var answer = await es.BulkAsync("/_bulk", [.. lines]);
            if (answer.Code != 200 || answer.Json["errors"]!.GetValue<bool>())
            {
                problems.Enqueue($"writer {w} round {round}: {answer.Raw[..Math.Min(answer.Raw.Length, 500)]}");
            }
        }
    }

    private static async Task SearchAsync(TestEmulator es, ConcurrentQueue<string> problems)
    {
        var answer = await es.PostAsync("/shared-*/_search", """{"size":50,"_source":["id"],"aggs":{"r":{"terms":{"field":"round"}}}}""");
        if (answer.Code != 200)
        {
            problems.Enqueue($"search answered {answer.Code}: {answer.Raw}");
            return;
        }

        foreach (var hit in answer.Json["hits"]!["hits"]!.AsArray())
        {
            CheckSource(hit!, problems);
        }
    }

    private static async Task GetAsync(TestEmulator es, ConcurrentQueue<string> problems)
    {
        var w = Random.Shared.Next(Writers);
        var answer = await es.GetAsync($"/shared-{w % 2}/_doc/{w}-{Random.Shared.Next(IdsPerWriter)}");
        if (answer.Code == 200)
        {
            CheckSource(answer.Json, problems);
        }
        else if (answer.Code != 404)
        {
            problems.Enqueue($"get answered {answer.Code}: {answer.Raw}");
        }
    }

    // A source belonging to another document (or torn bytes) shows as an id that is not the hit's _id.
    private static void CheckSource(JsonNode hit, ConcurrentQueue<string> problems)
    {
        var id = hit["_id"]!.GetValue<string>();
        var sourceId = hit["_source"]?["id"]?.GetValue<string>();
        if (sourceId != id)
        {
            problems.Enqueue($"document {id} came back with the source of {sourceId ?? "nothing"}");
        }
    }

    private static async Task Loop(Func<Task> step, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await step();
        }
    }
}
