using System.IO.Compression;
using System.Net;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Tickets;

/// <summary>What a careless or hostile customer may send: each refused with its status and reason, nothing stored or indexed.</summary>
[Collection(RunsAlone.Name)]
public sealed class HostileBundleTests : TicketGatewayTest
{
    protected override void Configure(GatewayOptions options) => options.Tickets.MaxUploadBytes = 4 * 1024 * 1024;

    private IEnumerable<string> StoredFiles() => Directory.Exists(Path.Combine(Data, "tickets"))
        ? Directory.EnumerateFiles(Path.Combine(Data, "tickets"), "*", SearchOption.AllDirectories)
        : [];

    public static TheoryData<string, string, int, string> Hostile() => new()
    {
        { "tar entry climbing out", "evil.tar.gz", 400, "path_traversal" },
        { "zip entry with an absolute path", "evil.zip", 400, "path_traversal" },
        { "truncated gzip", "cut.log.gz", 400, "corrupt_archive" },
        { "gzip header alone", "stub.gz", 400, "corrupt_archive" },
        { "more files than allowed", "many.zip", 413, "too_many_entries" },
        { "binary file", "image.png", 415, "unsupported_format" },
        { "larger than the upload limit", "big.log", 413, "upload_too_large" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task AHostileUploadIsRefusedWithItsReasonAndLeavesNothingBehind(string what, string name, int status, string kind)
    {
        var created = await Gateway.CreateAsync("HD-" + Math.Abs(what.GetHashCode(StringComparison.Ordinal)));
        var body = name switch
        {
            "evil.tar.gz" => Bundles.TarGz(("ok.log", Bundles.Text("fine")), ("../../etc/cron.d/evil", Bundles.Text("* * * * * root sh"))),
            "evil.zip" => Bundles.Zip(("ok.log", Bundles.Text("fine")), ("/etc/passwd", Bundles.Text("root:x:0:0"))),
            "cut.log.gz" => Bundles.Gzip(Bundles.Text([.. Enumerable.Range(0, 5000).Select(i => $"line {i} of a log cut short")]))[..2000],
            "stub.gz" => [0x1F, 0x8B],
            "many.zip" => Bundles.Zip([.. Enumerable.Range(0, 10_001).Select(i => ($"f{i}.log", Bundles.Text("x")))]),
            "image.png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52],
            _ => new byte[5 * 1024 * 1024],
        };
        using var response = await Gateway.UploadAsync(created.Token, body, name);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, text);
        text.ShouldContain($"\"error\":\"{kind}\"");
        text.ShouldContain("\"reason\":");
        (await Gateway.Admin.GetStringAsync($"/v1/tickets/{created.Ticket}")).ShouldContain("\"uploads\": []");
        StoredFiles().ShouldBeEmpty();
        (await Gateway.Anonymous.GetStringAsync("/metrics")).ShouldContain($"obs_gateway_ticket_uploads_rejected_total{{reason=\"{kind}\"}} 1");
    }

    [Fact]
    public async Task AZipBombIsStoppedByTheRatioCheckWithoutEverHoldingItsContentInMemory()
    {
        var created = await Gateway.CreateAsync("HD-BOMB");
        // 256 MiB of zeros deflate to about 250 KB: past 64 MiB expanded the ratio is far above 200.
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = await zip.CreateEntry("bomb.log", CompressionLevel.SmallestSize).OpenAsync();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 256; i++)
            {
                await entry.WriteAsync(zeros);
            }
        }

        var bomb = zipped.ToArray();
        bomb.Length.ShouldBeLessThan(1024 * 1024);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await Gateway.UploadAsync(created.Token, bomb, "bomb.zip");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, text);
        text.ShouldContain("compression_ratio");
        // It expanded past 64 MiB before the check fired; streaming keeps what the process allocated far below that.
        allocated.ShouldBeLessThan(32L * 1024 * 1024);
        StoredFiles().ShouldBeEmpty();
    }
}
