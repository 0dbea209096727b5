using System.Globalization;
using System.Text;
using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search.DocValues;

/// <summary>Columns belong to immutable runs: new writes, merges, deletes and updates must never show stale values.</summary>
public sealed class ColumnLifecycleTests
{
    private const string Aggs = """
        {"size":0,"aggs":{"t":{"terms":{"field":"tag","size":50}},"c":{"terms":{"field":"code","size":50}},"s":{"stats":{"field":"ratio"}},
         "e":{"filter":{"exists":{"field":"obj.a"}}}}}
        """;

    [Fact]
    public void DocumentsAddedAfterAColumnWasBuiltAreCountedFromTheirNewRun()
    {
        var index = new ColumnIndex().AddRun(ColumnIndex.Tricky);
        var before = index.Same(Aggs);

        index.AddRun(["""{"tag":"late","code":299,"ratio":7}"""]);
        var after = index.Same(Aggs);

        before.At("aggregations.t.buckets").EnumerateArray().ShouldNotContain(b => b.GetProperty("key").GetString() == "late");
        after.At("aggregations.t.buckets").EnumerateArray().ShouldContain(b => b.GetProperty("key").GetString() == "late");
        after.At("aggregations.s.count").GetInt32().ShouldBe(before.At("aggregations.s.count").GetInt32() + 1);
    }

    [Fact]
    public void MergedRunsGiveTheSameAnswersAsTheSourceAfterEveryRefresh()
    {
        var index = new ColumnIndex();
        var runsSeen = new HashSet<int>();
        for (var refresh = 0; refresh < 12; refresh++)
        {
            index.AddRun(ColumnIndex.Tricky.Skip(refresh % 3));
            runsSeen.Add(index.Index.Table.RunCount);
            index.Same(Aggs);
        }

        // Runs of similar size merged along the way (the count went down at least once).
        runsSeen.Count.ShouldBeGreaterThan(1);
        index.Index.Table.RunCount.ShouldBeLessThan(12);
    }

    [Fact]
    public void DeletedAndUpdatedDocumentsLeaveTheColumnsOfTheRunsThatNoLongerHoldThem()
    {
        var index = new ColumnIndex().AddRun(ColumnIndex.Tricky).AddRun(ColumnIndex.Tricky);
        index.Same(Aggs);

        index.Index.Delete("0", default);
        index.Index.Index("1", Encoding.UTF8.GetBytes("""{"@timestamp":"2024-05-01T11:00:01Z","tag":"changed","code":201,"ratio":9}"""), default);
        index.Index.Refresh();
        var answer = index.Same(Aggs);

        answer.At("aggregations.t.buckets").EnumerateArray().ShouldContain(b => b.GetProperty("key").GetString() == "changed");
        answer.At("aggregations.c.buckets").EnumerateArray()
            .Single(b => b.GetProperty("key").GetDouble() == 201).GetProperty("doc_count").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void HitsStillCarryTheirFullSourceWhenTheQueryReadsOnlyColumns()
    {
        var index = new ColumnIndex().AddRun(ColumnIndex.Tricky);

        var answer = index.Same("""{"query":{"term":{"obj.a":"dotted"}},"aggs":{"t":{"terms":{"field":"tag"}}}}""");

        answer.At("hits.hits.0._id").GetString().ShouldBe("1");
        answer.At("hits.hits.0._source").GetProperty("obj.a").GetString().ShouldBe("dotted");
    }

    [Fact]
    public void AWindowQueryBuildsColumnsOnlyForTheBlocksOfItsWindow()
    {
        // One run of 20,000 documents a second apart: three blocks, the window [13:30, 13:46:40] (seconds 9,000 to 10,000) lies in the second.
        var index = new ColumnIndex().AddRun(Enumerable.Range(0, 20_000).Select(i => ColumnIndex.Tricky[i % ColumnIndex.Tricky.Length]));
        var columns = index.Index.Table.Range(null, null).First().Run!.Columns;

        index.Same("""
            {"size":0,"query":{"range":{"@timestamp":{"gte":"2024-05-01T13:30:00Z","lte":"2024-05-01T13:46:40Z"}}},
             "aggs":{"t":{"terms":{"field":"tag"}},"c":{"stats":{"field":"code"}}}}
            """);
        columns.BuildPasses.ShouldBe(1);

        index.Same(Aggs);
        columns.BuildPasses.ShouldBe(3);
    }

    [Fact]
    public void ManyRefreshesWithColumnsInUseLoseNoDocument()
    {
        var index = new ColumnIndex();
        var expected = 0;
        for (var refresh = 0; refresh < 30; refresh++)
        {
            var count = 1 + (refresh * 7 % 13);
            index.AddRun(Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $$"""{"tag":"t{{i % 3}}","code":{{i}}}""")));
            expected += count;
            var answer = index.Same("""{"size":0,"aggs":{"v":{"value_count":{"field":"tag"}},"s":{"sum":{"field":"code"}}}}""");
            answer.At("aggregations.v.value").GetInt32().ShouldBe(expected);
        }
    }
}
