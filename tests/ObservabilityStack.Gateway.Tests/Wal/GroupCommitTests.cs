using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Tests.Wal;

public class GroupCommitTests
{
    [Fact]
    public async Task AnAppendCompletesOnlyOnceTheDurablePositionCoversEverythingItWrote()
    {
        await using var wal = new WalTestLog();
        for (var i = 0; i < 20; i++)
        {
            (await wal.AppendAsync($"id-{i}")).ShouldBe(WalAppendResult.Durable);
            wal.Log.DurablePosition.ShouldBe(wal.Log.QueuedBytes);
        }
    }

    [Fact]
    public async Task EveryAppendIsTimedUntilDurableAndEveryGroupCommitsFsyncIsTimed()
    {
        await using var wal = new WalTestLog();
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => wal.AppendAsync($"id-{i}")));
        results.ShouldAllBe(r => r == WalAppendResult.Durable);
        wal.Log.CommitWait.Snapshot().Sum().ShouldBe(100);
        wal.Log.FsyncDuration.Snapshot().Sum().ShouldBeInRange(1, 100);
    }

    [Fact]
    public async Task AppendsStillWaitingWhenTheLogIsDisposedAreFlushedReleasedAndReadBackAfterReopen()
    {
        await using var wal = new WalTestLog();
        var pending = Enumerable.Range(0, 50).Select(i => wal.AppendAsync($"id-{i}")).ToArray();
        await wal.ReopenAsync();
        (await Task.WhenAll(pending)).ShouldAllBe(r => r == WalAppendResult.Durable);
        wal.ReadAll().Count.ShouldBe(50);
    }

    [Fact]
    public async Task AnAppendAfterDisposeIsRefusedInsteadOfWaitingForever()
    {
        var wal = new WalTestLog();
        var log = wal.Log;
        await wal.DisposeAsync();
        Should.Throw<ObjectDisposedException>(() => log.AppendAsync(WalTestLog.Records("late")));
    }

    [Fact]
    public async Task AppendsSpanningRotatedSegmentsAreAllReleasedWhenTheLogIsDisposedAndReadBackAfterReopen()
    {
        await using var wal = new WalTestLog(new WalOptions { SegmentBytes = 256 });
        var pending = Enumerable.Range(0, 40).Select(i => wal.AppendAsync($"id-{i}")).ToArray();
        await wal.ReopenAsync();
        (await Task.WhenAll(pending)).ShouldAllBe(r => r == WalAppendResult.Durable);
        wal.Segments().Length.ShouldBeGreaterThan(1);
        wal.ReadAll().ShouldBe(Enumerable.Range(0, 40).Select(i => $"id-{i}"));
    }
}
