using System.Net;
using System.Text.Json;
using ObservabilityStack.Gateway.Tests.Support;
using ObservabilityStack.Gateway.Tickets;

namespace ObservabilityStack.Gateway.Tests.Tickets;

/// <summary>Free-disk monitoring on a real gateway: the threshold is set above (or below) what the disk really has free.</summary>
public sealed class TicketDiskSpaceTests : TicketGatewayTest
{
    [Fact]
    public async Task BelowTheMinimumFreeSpaceUploadsGet507WithTheReasonAndReadinessSaysWhy()
    {
        var created = await Gateway.CreateAsync("HD-20", maxUploads: 1);
        var free = new DriveInfo(Data).AvailableFreeSpace;
        Gateway.Tickets.Options.MinFreeDiskBytes = free * 2;

        using var refused = await Gateway.UploadAsync(created.Token, Bundles.Text("a line"), "a.log");
        refused.StatusCode.ShouldBe(HttpStatusCode.InsufficientStorage);
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        error.GetProperty("error").GetString().ShouldBe("insufficient_storage");
        error.GetProperty("reason").GetString()!.ShouldContain("bytes free on the wal disk");
        Directory.Exists(Path.Combine(Data, "tickets", "HD-20")).ShouldBeFalse("nothing is written for a refused upload");

        using var ready = await Gateway.Anonymous.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).ShouldContain("support-bundle uploads refused");

        var metrics = await Gateway.Anonymous.GetStringAsync("/metrics");
        metrics.ShouldContain("obs_gateway_ticket_uploads_rejected_total{reason=\"insufficient_storage\"} 1");
        metrics.ShouldContain($"obs_gateway_disk_min_free_bytes {free * 2}");
        FreeBytes(metrics, "wal").ShouldBeGreaterThan(0);
        FreeBytes(metrics, "tickets").ShouldBeGreaterThan(0);

        // Space is back (the threshold lowered): the same token works, the refusal did not use up its one upload.
        Gateway.Tickets.Options.MinFreeDiskBytes = 1;
        await Gateway.UploadOkAsync(created.Token, Bundles.Text("a line"), "a.log");
        using var readyAgain = await Gateway.Anonymous.GetAsync("/health/ready");
        readyAgain.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void AnUploadsDeclaredSizeCountsAgainstTheMinimum()
    {
        var disk = new DiskSpace(Path.Combine(Data, "wal"), Path.Combine(Data, "tickets"));
        var free = disk.Measure().Min(d => d.FreeBytes!.Value);

        // 64 MiB above the minimum: fine on its own, not with 128 MiB more on the way.
        var minimum = free - (64L << 20);
        disk.Shortage(minimum).ShouldBeNull();
        disk.Shortage(minimum, 128L << 20).ShouldNotBeNull().ShouldContain("more would leave less than");
    }

    private static long FreeBytes(string metrics, string directory)
    {
        var prefix = $"obs_gateway_disk_free_bytes{{directory=\"{directory}\"}} ";
        return long.Parse(metrics.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
