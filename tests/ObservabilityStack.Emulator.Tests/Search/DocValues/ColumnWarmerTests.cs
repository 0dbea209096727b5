using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Tests.Search.DocValues;

/// <summary>The optional background warmer builds a settled run's columns before any search, and only settled runs'.</summary>
public sealed class ColumnWarmerTests
{
    private const string Window = """
        {"size":0,"query":{"range":{"@timestamp":{"gte":"2024-05-01T13:30:00Z","lte":"2024-05-01T13:46:40Z"}}},
         "aggs":{"t":{"terms":{"field":"tag"}},"c":{"stats":{"field":"code"}}}}
        """;

    [Fact]
    public void ARunThatSurvivedOneTickIsWarmedAndTheFirstSearchParsesNothing()
    {
        // 20,000 documents a second apart: three blocks of 8,192.
        var index = new ColumnIndex().AddRun(Enumerable.Range(0, 20_000).Select(i => ColumnIndex.Tricky[i % ColumnIndex.Tricky.Length]));
        var warmer = new ColumnWarmer(() => [index.Index]);
        var columns = index.Index.Table.Runs.Single().Columns;

        warmer.Tick();
        columns.Warmed.ShouldBeFalse("a run is warmed only once it has been seen in a previous pass");
        columns.BuildPasses.ShouldBe(0);

        warmer.Tick();
        columns.Warmed.ShouldBeTrue();
        columns.BuildPasses.ShouldBe(3);

        // The answers equal the source path's (ColumnIndex.Same checks), and no block is parsed again.
        index.Same(Window);
        columns.BuildPasses.ShouldBe(3);
    }

    [Fact]
    public void ARunMergedAwayBeforeTheNextTickIsNeverParsed()
    {
        var index = new ColumnIndex().AddRun(ColumnIndex.Tricky);
        var warmer = new ColumnWarmer(() => [index.Index]);
        var first = index.Index.Table.Runs.Single().Columns;
        warmer.Tick();

        index.AddRun(ColumnIndex.Tricky.Select(s => s));
        var merged = index.Index.Table.Runs.Single().Columns;
        merged.ShouldNotBeSameAs(first, "a run of the same size merges with the previous one");
        warmer.Tick();

        first.BuildPasses.ShouldBe(0);
        merged.Warmed.ShouldBeFalse();
        warmer.Tick();
        merged.Warmed.ShouldBeTrue();
    }
}
