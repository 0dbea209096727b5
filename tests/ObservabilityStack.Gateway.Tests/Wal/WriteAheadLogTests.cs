using System.Text;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Tests.Wal;

public class WriteAheadLogTests
{
    [Fact]
    public async Task AppendedRecordsAreReadBackInOrderWithTheirDocuments()
    {
        await using var wal = new WalTestLog();
        (await wal.AppendAsync("a", "b")).ShouldBe(WalAppendResult.Durable);
        (await wal.AppendAsync("c")).ShouldBe(WalAppendResult.Durable);
        using var reader = new WalReader(wal.Log, 0, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        using var batch = reader.ReadBatch(10, 4096)!;
        batch.Entries.Select(e => e.IdString).ShouldBe(["a", "b", "c"]);
        Encoding.UTF8.GetString(batch.Entries[1].Document.Span).ShouldBe("{\"message\":\"b\"}");
        batch.Entries[0].IndexString.ShouldBe("logs-shop_api-production");
        batch.Entries[0].IngestedUnixMs.ShouldBe(1_700_000_000_000);
    }

    [Fact]
    public async Task ConcurrentAppendsAllBecomeDurableAndNoneIsLost()
    {
        await using var wal = new WalTestLog();
        var tasks = Enumerable.Range(0, 200).Select(i => wal.AppendAsync($"id-{i}")).ToArray();
        (await Task.WhenAll(tasks)).ShouldAllBe(r => r == WalAppendResult.Durable);
        wal.ReadAll().Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(0, 200).Select(i => $"id-{i}").Order(StringComparer.Ordinal));
        wal.Log.DurablePosition.ShouldBe(wal.Log.QueuedBytes);
    }

    [Fact]
    public async Task AppendsFromManyThreadsAtOnceAreAllDurableWhoeverLeadsTheGroupCommit()
    {
        await using var wal = new WalTestLog();
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                (await wal.AppendAsync($"t{t}-{i}")).ShouldBe(WalAppendResult.Durable);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        wal.ReadAll().Order(StringComparer.Ordinal).ShouldBe(
            Enumerable.Range(0, 8).SelectMany(t => Enumerable.Range(0, 50).Select(i => $"t{t}-{i}")).Order(StringComparer.Ordinal));
        wal.Log.DurablePosition.ShouldBe(wal.Log.QueuedBytes);
    }

    [Fact]
    public async Task ATornTailIsDroppedOnReopenAndEarlierRecordsSurvive()
    {
        await using var wal = new WalTestLog();
        await wal.AppendAsync("kept-1", "kept-2");
        var segment = wal.Segments()[^1];
        await wal.ReopenAsync();
        var good = new FileInfo(segment).Length;
        // Half a record, as a crash in the middle of a write leaves it.
        var torn = WalTestLog.Records("torn");
        await using (var stream = new FileStream(segment, FileMode.Append))
        {
            stream.Write(torn, 0, torn.Length / 2);
        }

        await wal.ReopenAsync();
        wal.Log.TornBytesDropped.ShouldBe(torn.Length / 2);
        new FileInfo(segment).Length.ShouldBe(good);
        wal.ReadAll().ShouldBe(["kept-1", "kept-2"]);
        (await wal.AppendAsync("after")).ShouldBe(WalAppendResult.Durable);
        wal.ReadAll().ShouldBe(["kept-1", "kept-2", "after"]);
    }

    [Fact]
    public async Task ARecordWithABadChecksumAtTheTailIsDroppedOnReopen()
    {
        await using var wal = new WalTestLog();
        await wal.AppendAsync("good", "flipped");
        var segment = wal.Segments()[^1];
        var bytes = await File.ReadAllBytesAsync(segment);
        bytes[^3] ^= 0xFF;
        await wal.ReopenAsync();
        await File.WriteAllBytesAsync(segment, bytes);
        await wal.ReopenAsync();
        wal.ReadAll().ShouldBe(["good"]);
        wal.Log.TornBytesDropped.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task TheReaderSkipsAndCountsDamagedRecordsInsteadOfReturningThem()
    {
        await using var wal = new WalTestLog();
        await wal.AppendAsync("first", "second");
        var segment = wal.Segments()[^1];
        var firstLength = WalTestLog.Records("first").Length;
        await using (var stream = new FileStream(segment, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            stream.Position = firstLength + 12;
            stream.WriteByte(0x42);
        }

        using var reader = new WalReader(wal.Log, 0, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        using var batch = reader.ReadBatch(10, 4096)!;
        batch.Entries.Select(e => e.IdString).ShouldBe(["first"]);
        reader.CorruptRecords.ShouldBe(1);
    }

    [Fact]
    public async Task SegmentsRotateAndDeliveredSegmentsAreDeleted()
    {
        await using var wal = new WalTestLog(new WalOptions { SegmentBytes = 200 });
        for (var i = 0; i < 10; i++)
        {
            await wal.AppendAsync($"event-{i}");
        }

        wal.Segments().Length.ShouldBeGreaterThan(2);
        wal.ReadAll().Count.ShouldBe(10);
        wal.Log.Commit(wal.Log.DurablePosition);
        wal.Segments().Length.ShouldBe(1);
        wal.ReadAll().ShouldBeEmpty();
    }

    [Fact]
    public async Task AfterAReopenReadingResumesFromThePersistedCheckpoint()
    {
        await using var wal = new WalTestLog(new WalOptions { SegmentBytes = 150 });
        await wal.AppendAsync("delivered-1", "delivered-2");
        wal.Log.Commit(wal.Log.DurablePosition);
        await wal.AppendAsync("pending-1");
        await wal.AppendAsync("pending-2");
        await wal.ReopenAsync();
        wal.ReadAll().ShouldBe(["pending-1", "pending-2"]);
    }

    [Fact]
    public async Task AppendsBeyondTheQuotaAreRefusedAndWrittenNothing()
    {
        var one = WalTestLog.Records("x").Length;
        await using var wal = new WalTestLog(new WalOptions { MaxBytes = one * 3 });
        (await wal.AppendAsync("1", "2", "3")).ShouldBe(WalAppendResult.Durable);
        var before = wal.Log.DurablePosition;
        (await wal.AppendAsync("4")).ShouldBe(WalAppendResult.QuotaExceeded);
        wal.Log.DurablePosition.ShouldBe(before);
        wal.Log.Commit(before);
        (await wal.AppendAsync("4")).ShouldBe(WalAppendResult.Durable);
    }
}
