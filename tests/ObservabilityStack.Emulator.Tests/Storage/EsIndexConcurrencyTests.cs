using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Tests.Storage;

/// <summary>
/// The index's write path without HTTP in between, so threads interleave on every document: writers overwrite
/// their ids (2 KB sources, so refreshes merge runs and compact the arena) while one thread refreshes in a loop
/// and another reads the table and GETs. Any torn or lost write shows in the readers or the end state.
/// </summary>
public sealed class EsIndexConcurrencyTests
{
    private const int Writers = 4;
    private const int Rounds = 5;
    private const int IdsPerWriter = 500;
    private static readonly string Padding = new('x', 2048);

    [Fact]
    public async Task WritersRefreshesAndReadersRacingOnOneIndexLoseAndMixUpNothing()
    {
        var index = new EsIndex("race", 0);
        var problems = new ConcurrentQueue<string>();
        // Dedicated threads, all released together: on two cores the thread pool would run the writers first.
        using var start = new ManualResetEventSlim();
        var done = Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Thread(start, () => Write(index, w))));
        var compactions = 0;
        var refresher = Thread(start, () =>
        {
            while (!done.IsCompleted)
            {
                var before = index.SourceBytes.Dead;
                index.Refresh();
                compactions += index.SourceBytes.Dead < before ? 1 : 0;
            }
        });
        var reader = Thread(start, () =>
        {
            while (!done.IsCompleted)
            {
                Read(index, problems);
            }
        });
        start.Set();

        await Task.WhenAll(done, refresher, reader);
        index.Refresh();

        problems.ShouldBeEmpty();
        compactions.ShouldBeGreaterThan(0);
        index.LiveCount.ShouldBe(Writers * IdsPerWriter);
        var table = index.Table.Range(null, null).Select(p => p.Doc).ToList();
        table.Count.ShouldBe(Writers * IdsPerWriter);
        table.Select(d => d.Id).Distinct().Count().ShouldBe(Writers * IdsPerWriter);
        foreach (var doc in table)
        {
            var source = JsonDocument.Parse(doc.Source).RootElement;
            source.GetProperty("id").GetString().ShouldBe(doc.Id);
            source.GetProperty("round").GetInt32().ShouldBe(Rounds - 1);
            index.Get(doc.Id)!.Version.ShouldBe(Rounds);
        }
    }

    private static Task Thread(ManualResetEventSlim start, Action work) => Task.Factory.StartNew(() =>
    {
        start.Wait();
        work();
    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Write(EsIndex index, int w)
    {
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < IdsPerWriter; i++)
            {
                var source = $$"""{"id":"{{w}}-{{i}}","round":{{round}},"@timestamp":{{i * 1000}},"pad":"{{Padding}}"}""";
                index.Index($"{w}-{i}", Encoding.UTF8.GetBytes(source), default);
            }
        }
    }

    private static void Read(EsIndex index, ConcurrentQueue<string> problems)
    {
        foreach (var (doc, _, _) in index.Table.Range(0, 100_000))
        {
            Check(doc, problems);
        }

        if (index.Get($"{Random.Shared.Next(Writers)}-{Random.Shared.Next(IdsPerWriter)}") is { } got)
        {
            Check(got, problems);
        }
    }

    private static void Check(StoredDocument doc, ConcurrentQueue<string> problems)
    {
        var id = JsonDocument.Parse(doc.Source).RootElement.GetProperty("id").GetString();
        if (id != doc.Id)
        {
            problems.Enqueue($"document {doc.Id} holds the source of {id}");
        }
    }
}
