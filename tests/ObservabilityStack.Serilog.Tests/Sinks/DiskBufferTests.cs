using ObservabilityStack.Tests.Shared;
using System.Text;
using ObservabilityStack.Serilog.Sinks;
using ObservabilityStack.Serilog.Sinks.Core;
using ObservabilityStack.Serilog.Sinks.Durable;
using ObservabilityStack.Serilog.Tests.Support;

namespace ObservabilityStack.Serilog.Tests.Sinks;

public class DiskBufferTests
{
    private readonly List<(int Count, string Reason)> _drops = [];

    [Fact]
    public void RecordsSurviveAReopen()
    {
        using var temp = new TempDirectory();
        using (var buffer = Open(temp))
        {
            buffer.Append(Records(0, 5)).ShouldBe(0);
        }

        using var reopened = Open(temp);
        var read = reopened.Read(100, long.MaxValue);

        read.Select(r => r.Id).ShouldBe(Records(0, 5).Select(r => r.Id));
        read[2].Index.ShouldBe("logs-shop_api-production");
        Encoding.UTF8.GetString(read[2].Json).ShouldBe("{\"n\":2}");
    }

    [Fact]
    public void CommittedRecordsAreNotReadAgainAfterARestartButUncommittedOnesAre()
    {
        using var temp = new TempDirectory();
        using (var buffer = Open(temp))
        {
            buffer.Append(Records(0, 10));
            buffer.Read(4, long.MaxValue).Count.ShouldBe(4);
            buffer.Commit();
            buffer.Read(3, long.MaxValue).Count.ShouldBe(3);
        }

        using var reopened = Open(temp);
        reopened.Read(100, long.MaxValue).Select(r => r.Id).ShouldBe(Records(4, 6).Select(r => r.Id));
    }

    [Fact]
    public void ReadingContinuesAcrossSegmentsAndDeliveredSegmentsAreDeleted()
    {
        using var temp = new TempDirectory();
        using var buffer = Open(temp, maxBytes: 512 * 1024);
        buffer.Append(Records(0, 2000, padding: 100));
        Directory.GetFiles(temp.Path, "*.seg").Length.ShouldBeGreaterThan(3);

        var all = new List<LogRecord>();
        while (buffer.Read(300, long.MaxValue) is { Count: > 0 } batch)
        {
            all.AddRange(batch);
            buffer.Commit();
        }

        all.Count.ShouldBe(2000);
        all.Select(r => r.Id).Distinct().Count().ShouldBe(2000);
        Directory.GetFiles(temp.Path, "*.seg").Length.ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public void WhenFullNewRecordsAreRefusedAndCounted()
    {
        using var temp = new TempDirectory();
        using var buffer = Open(temp, maxBytes: 64 * 1024);

        var refused = buffer.Append(Records(0, 2000, padding: 100));

        refused.ShouldBeGreaterThan(0);
        buffer.Bytes.ShouldBeLessThanOrEqualTo(64 * 1024);
        var kept = buffer.Read(5000, long.MaxValue);
        (kept.Count + refused).ShouldBe(2000);
        kept[0].Id.ShouldBe("id-00000");
    }

    [Fact]
    public void WhenFullDropOldestMakesRoomAndReportsHowManyWereDropped()
    {
        using var temp = new TempDirectory();
        using var buffer = Open(temp, maxBytes: 64 * 1024, mode: BufferFullMode.DropOldest);

        buffer.Append(Records(0, 2000, padding: 100)).ShouldBe(0);

        var kept = buffer.Read(5000, long.MaxValue);
        (kept.Count + _drops.Sum(d => d.Count)).ShouldBe(2000);
        kept[^1].Id.ShouldBe("id-01999");
        _drops.ShouldAllBe(d => d.Reason.Contains("oldest"));
    }

    [Fact]
    public void ACorruptedRecordIsSkippedAndReportedAndLaterSegmentsStillRead()
    {
        using var temp = new TempDirectory();
        using (var buffer = Open(temp))
        {
            buffer.Append(Records(0, 3));
        }

        var segment = Directory.GetFiles(temp.Path, "*.seg").Order().First();
        var bytes = File.ReadAllBytes(segment);
        bytes[^3] ^= 0xFF;
        File.WriteAllBytes(segment, bytes);
        using (var buffer = Open(temp))
        {
            buffer.Append(Records(3, 2));
        }

        using var reopened = Open(temp);
        var read = reopened.Read(100, long.MaxValue);

        read.Select(r => r.Id).ShouldBe(["id-00000", "id-00001", "id-00003", "id-00004"]);
        _drops.ShouldHaveSingleItem().Reason.ShouldContain("checksum");
    }

    private DiskBuffer Open(TempDirectory temp, long maxBytes = 1024 * 1024, BufferFullMode mode = BufferFullMode.RefuseNew) =>
        new(temp.Path, maxBytes, mode, (count, reason) => _drops.Add((count, reason)));

    private static List<LogRecord> Records(int from, int count, int padding = 0) =>
        [.. Enumerable.Range(from, count).Select(i => new LogRecord(
            $"id-{i:D5}",
            "logs-shop_api-production",
            Encoding.UTF8.GetBytes(padding == 0 ? $"{{\"n\":{i}}}" : $"{{\"n\":{i},\"p\":\"{new string('x', padding)}\"}}")))];
}
