using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using ObservabilityStack.Gateway.Tests.Support;
using ObservabilityStack.Gateway.Tickets;

namespace ObservabilityStack.Gateway.Tests.Tickets;

/// <summary>
/// What a crash between storing an upload and recording it leaves behind, and what the next start makes of it.
/// The crash states are written with the upload path's own receipt writer; the restarts are real gateways on
/// the same data directory, delivering to the emulator.
/// </summary>
public sealed class TicketCrashRecoveryTests : TicketGatewayTest
{
    private const string Stream = "logs-support-tickets";

    private string Root => Path.Combine(Data, "tickets");

    [Fact]
    public async Task AnUploadIndexedButUnrecordedAtACrashIsRecordedOnRestartWithoutDuplicatingItsLines()
    {
        var created = await Gateway.CreateAsync("HD-7", maxUploads: 3);
        var bundle = Bundles.TarGz(("app/a.log", Bundles.Text("line one", "line two", "line three")));
        var receipt = await Gateway.UploadOkAsync(created.Token, bundle, "logs.tar.gz");
        (await Es.WaitForCountAsync(Stream, 3)).ShouldBe(3);
        var directory = Path.Combine(Root, "HD-7", receipt.Upload.Id);

        // The crash: lines delivered, archive in place with its receipt, but the record never written.
        await RestartAsync(() =>
        {
            ForgetUpload("HD-7", receipt.Upload.Id);
            PendingUpload.Write(directory, Receipt(receipt.Upload));
            return Task.CompletedTask;
        });
        var ticket = JsonDocument.Parse(await Gateway.Admin.GetStringAsync("/v1/tickets/HD-7")).RootElement;
        var upload = ticket.GetProperty("uploads").EnumerateArray().Single();
        upload.GetProperty("id").GetString().ShouldBe(receipt.Upload.Id);
        upload.GetProperty("sha256").GetString().ShouldBe(receipt.Upload.Sha256);
        upload.GetProperty("lines").GetInt64().ShouldBe(3);
        upload.GetProperty("recovered").GetBoolean().ShouldBeTrue();
        File.Exists(Path.Combine(directory, PendingUpload.FileName)).ShouldBeFalse("the receipt goes once the upload is recorded");
        (await Gateway.Admin.GetByteArrayAsync($"/v1/tickets/HD-7/uploads/{receipt.Upload.Id}")).ShouldBe(bundle);

        // Indexed again with the same ids: the emulator answers 409 for the three lines, still three documents.
        await Eventually(async () => Counter(await Metrics(), "obs_gateway_events_duplicate_total") >= 3);
        (await Es.CountAsync(Stream)).ShouldBe(3);
        (await Metrics()).ShouldContain("obs_gateway_ticket_startup_findings_total{outcome=\"recovered\"} 1");
    }

    [Fact]
    public async Task EveryOtherLeftoverIsRecoveredQuarantinedOrRemovedAndReported()
    {
        var created = await Gateway.CreateAsync("HD-8");
        var beforeRename = Bundles.Text("2026-11-22 06:00:00 ERROR crashed before the rename");
        var beforeRenameId = "20261122T060000Z-0000000b";
        var damagedId = "20261122T060000Z-0000000d";
        var stale = Path.Combine(Root, ".incoming", "20261122T010000Z-0000000f.part");
        var fresh = Path.Combine(Root, ".incoming", "20261122T065900Z-00000010.part");
        await RestartAsync(() => LeaveEveryKindOfLeftoverAsync(beforeRename, beforeRenameId, damagedId, stale, fresh));

        var ticket = JsonDocument.Parse(await Gateway.Admin.GetStringAsync("/v1/tickets/HD-8")).RootElement;
        var recovered = ticket.GetProperty("uploads").EnumerateArray().Single();
        recovered.GetProperty("id").GetString().ShouldBe(beforeRenameId);
        recovered.GetProperty("recovered").GetBoolean().ShouldBeTrue();
        (await Gateway.Admin.GetByteArrayAsync($"/v1/tickets/HD-8/uploads/{beforeRenameId}")).ShouldBe(beforeRename);
        (await Es.WaitForCountAsync(Stream, 1)).ShouldBe(1);

        var quarantine = Path.Combine(Root, ".quarantine");
        (await File.ReadAllTextAsync(Path.Combine(quarantine, "HD-8", "20261122T060000Z-0000000c", "c.log"))).ShouldBe("no receipt\n");
        (await File.ReadAllTextAsync(Path.Combine(quarantine, "HD-8", damagedId, "d.log"))).ShouldBe("the who");
        (await File.ReadAllTextAsync(Path.Combine(quarantine, "HD-404", "20261122T060000Z-0000000e", "e.log"))).ShouldBe("whose?\n");
        Directory.Exists(Path.Combine(Root, "HD-404")).ShouldBeFalse();
        File.Exists(stale).ShouldBeFalse();
        File.Exists(fresh).ShouldBeTrue();

        var metrics = await Metrics();
        metrics.ShouldContain("obs_gateway_ticket_startup_findings_total{outcome=\"recovered\"} 1");
        metrics.ShouldContain("obs_gateway_ticket_startup_findings_total{outcome=\"quarantined\"} 3");
        metrics.ShouldContain("obs_gateway_ticket_startup_findings_total{outcome=\"temp_removed\"} 1");
        metrics.ShouldContain("obs_gateway_ticket_startup_findings_total{outcome=\"temp_kept\"} 1");

        // The token still works for the customer's retry, and the next start finds nothing new.
        await Gateway.UploadOkAsync(created.Token, Bundles.Text("the retry"), "retry.log");
        await RestartAsync();
        var again = await Metrics();
        again.ShouldNotContain("outcome=\"recovered\"");
        again.ShouldNotContain("outcome=\"quarantined\"");
        again.ShouldContain("obs_gateway_ticket_startup_findings_total{outcome=\"temp_kept\"} 1");
        JsonDocument.Parse(await Gateway.Admin.GetStringAsync("/v1/tickets/HD-8")).RootElement.GetProperty("uploads").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task ALeftoverTheCheckCannotMoveIsReportedAndTheGatewayStillStarts()
    {
        await Gateway.CreateAsync("HD-9");
        var leftover = Path.Combine(Root, "HD-9", "20261122T060000Z-00000011");
        await RestartAsync(async () =>
        {
            Directory.CreateDirectory(leftover);
            await File.WriteAllTextAsync(Path.Combine(leftover, "x.log"), "no receipt\n");
            await File.WriteAllTextAsync(Path.Combine(Root, ".quarantine"), "a file where the quarantine directory goes");
        });

        (await Metrics()).ShouldContain("obs_gateway_ticket_startup_findings_total{outcome=\"check_failed\"} 1");
        File.Exists(Path.Combine(leftover, "x.log")).ShouldBeTrue("left where it was");
        JsonDocument.Parse(await Gateway.Admin.GetStringAsync("/v1/tickets/HD-9")).RootElement.GetProperty("uploads").GetArrayLength().ShouldBe(0);
    }

    private async Task LeaveEveryKindOfLeftoverAsync(byte[] beforeRename, string beforeRenameId, string damagedId, string stale, string fresh)
    {
        var incoming = Path.Combine(Root, ".incoming");
        Directory.CreateDirectory(incoming);

        // Receipt written, crash before the rename: the complete temporary file is moved in and recorded.
        PendingUpload.Write(Directory.CreateDirectory(Path.Combine(Root, "HD-8", beforeRenameId)).FullName, Receipt(beforeRenameId, "b.log", beforeRename));
        await File.WriteAllBytesAsync(Path.Combine(incoming, beforeRenameId + ".part"), beforeRename);

        // No receipt (stored by an older gateway, or never checked): kept, but out of the way.
        var noReceipt = Directory.CreateDirectory(Path.Combine(Root, "HD-8", "20261122T060000Z-0000000c")).FullName;
        await File.WriteAllTextAsync(Path.Combine(noReceipt, "c.log"), "no receipt\n");

        // A receipt whose checksum the file does not match (cut short): quarantined, not recorded.
        var damaged = Directory.CreateDirectory(Path.Combine(Root, "HD-8", damagedId)).FullName;
        PendingUpload.Write(damaged, Receipt(damagedId, "d.log", Bundles.Text("the whole file")));
        await File.WriteAllTextAsync(Path.Combine(damaged, "d.log"), "the who");

        // A ticket with no record at all.
        var orphanTicket = Directory.CreateDirectory(Path.Combine(Root, "HD-404", "20261122T060000Z-0000000e")).FullName;
        await File.WriteAllTextAsync(Path.Combine(orphanTicket, "e.log"), "whose?\n");

        // Temporary files: one from hours ago, one that may be another gateway's upload in progress.
        await File.WriteAllTextAsync(stale, "half an upload");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        await File.WriteAllTextAsync(fresh, "an upload in progress");
    }

    private static TicketUpload Receipt(TicketUpload accepted) => new()
    {
        Id = accepted.Id,
        FileName = accepted.FileName,
        Bytes = accepted.Bytes,
        Sha256 = accepted.Sha256,
        Format = accepted.Format,
        Entries = accepted.Entries,
        Received = accepted.Received,
    };

    private static TicketUpload Receipt(string id, string name, byte[] content) => new()
    {
        Id = id,
        FileName = name,
        Bytes = content.Length,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        Format = "text",
        Entries = 1,
        Received = DateTimeOffset.UtcNow,
    };

    private void ForgetUpload(string ticket, string upload)
    {
        var path = Path.Combine(Data, "tickets.json");
        var file = JsonSerializer.Deserialize(File.ReadAllText(path), TicketJsonContext.Default.TicketFile)!;
        file.Tickets.Single(t => t.Ticket == ticket).Uploads.RemoveAll(u => u.Id == upload).ShouldBe(1);
        File.WriteAllText(path, JsonSerializer.Serialize(file, TicketJsonContext.Default.TicketFile));
    }

    private async Task<string> Metrics()
    {
        using var response = await Gateway.Anonymous.GetAsync("/metrics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static long Counter(string metrics, string name) =>
        metrics.Split('\n').Where(l => l.StartsWith(name + " ", StringComparison.Ordinal)).Select(l => long.Parse(l[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)).Single();

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the condition did not hold within 30 s");
    }
}
