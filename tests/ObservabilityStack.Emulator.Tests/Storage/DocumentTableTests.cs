using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Tests.Storage;

public sealed class DocumentTableTests
{
    private long _seqNo;

    [Fact]
    public void RefreshesThatOverlapInTimeStillReadInTimestampThenSeqNoOrder()
    {
        var table = DocumentTable.Empty;
        var all = new List<StoredDocument>();
        var random = new Random(7);
        for (var refresh = 0; refresh < 12; refresh++)
        {
            var batch = Enumerable.Range(0, 1 + random.Next(40)).Select(_ => Doc(random.Next(100))).ToList();
            all.AddRange(batch);
            table = table.Apply(batch, []);
        }

        var expected = all.OrderBy(d => d.Timestamp).ThenBy(d => d.SeqNo).ToList();
        table.Range(null, null).Select(p => p.Doc).ShouldBe(expected);
        table.Count.ShouldBe(all.Count);
        table.SizeInBytes.ShouldBe(all.Sum(d => (long)d.Source.Length));
        table.Range(20, 30).Select(p => p.Doc).ShouldBe(expected.Where(d => d.Timestamp is >= 20 and <= 30));
    }

    [Fact]
    public void RemovedDocumentsLeaveWhicheverRunHoldsThem()
    {
        var first = Enumerable.Range(0, 64).Select(i => Doc(i)).ToList();
        var second = Enumerable.Range(0, 8).Select(i => Doc(1000 + i)).ToList();
        var table = DocumentTable.Empty.Apply(first, []).Apply(second, []);

        var removed = new HashSet<StoredDocument> { first[3], second[5] };
        var pendingAndRemoved = Doc(5);
        removed.Add(pendingAndRemoved);
        table = table.Apply([pendingAndRemoved], removed);

        table.Count.ShouldBe(70);
        table.Range(null, null).Select(p => p.Doc).ShouldNotContain(first[3]);
        table.Range(null, null).Select(p => p.Doc).ShouldNotContain(second[5]);
        table.Range(null, null).Select(p => p.Doc).ShouldNotContain(pendingAndRemoved);
    }

    [Fact]
    public void DocumentsWithoutTimestampComeLastAndOnlyWhenNoWindowIsAsked()
    {
        var untimed = new StoredDocument { Id = "u", Source = "{}"u8.ToArray(), SeqNo = ++_seqNo };
        var timed = Doc(10);
        var table = DocumentTable.Empty.Apply([untimed, timed], []);

        table.Range(null, null).Select(p => p.Doc).ShouldBe([timed, untimed]);
        table.Range(0, 100).Select(p => p.Doc).ShouldBe([timed]);
        table.Range(11, null).Select(p => p.Doc).ShouldBeEmpty();
    }

    [Fact]
    public void RunsStayFewAsRefreshesAccumulate()
    {
        var table = DocumentTable.Empty;
        for (var refresh = 0; refresh < 1000; refresh++)
        {
            table = table.Apply([Doc(refresh)], []);
        }

        table.RunCount.ShouldBeLessThanOrEqualTo(11);
        table.Range(null, null).Select(p => p.Doc).Select(d => d.Timestamp!.Value).ShouldBe(Enumerable.Range(0, 1000).Select(i => (long)i));
    }

    private StoredDocument Doc(long timestamp) => new()
    {
        Id = $"d{_seqNo}",
        Source = System.Text.Encoding.UTF8.GetBytes($$"""{"@timestamp":{{timestamp}}}"""),
        SeqNo = ++_seqNo,
        Timestamp = timestamp,
    };
}
