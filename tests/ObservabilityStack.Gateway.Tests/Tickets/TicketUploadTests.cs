using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Tickets;

/// <summary>Support bundles end to end: a real gateway, the emulator as Elasticsearch, real archives.</summary>
public sealed class TicketUploadTests : TicketGatewayTest
{
    private const string Stream = "logs-support-tickets";

    [Fact]
    public async Task TarGzZipAndPlainUploadsAreStoredChecksummedAndIndexedPerTicketWithTheirOwnTimestamps()
    {
        var created = await Gateway.CreateAsync("HD-1234", "shop", maxUploads: 5);
        created.Token.ShouldStartWith("obt_");
        created.Curl.ShouldContain($"Authorization: Ticket {created.Token}");
        created.Curl.ShouldContain("/v1/tickets/upload/");
        var other = await Gateway.CreateAsync("HD-9", "crm");

        var tarGz = Bundles.TarGz(
            ("app/shop.log", Bundles.Text("2026-11-20 10:15:30,250 ERROR order o-1 failed", "   at Shop.Orders.Save()", "", "2026-11-20T10:15:31.5+02:00 INFO retried")),
            ("app/image.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 1, 2, 3]));
        var receipt = await Gateway.UploadOkAsync(created.Token, tarGz, "logs.tar.gz");
        receipt.Ticket.ShouldBe("HD-1234");
        receipt.Upload.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(tarGz)));
        receipt.Upload.Format.ShouldBe("tar.gz");
        receipt.Upload.Entries.ShouldBe(2);
        receipt.Upload.Lines.ShouldBe(3);
        receipt.Upload.Skipped.ShouldBe(["app/image.png"]);

        var zip = await Gateway.UploadOkAsync(created.Token, Bundles.Zip(("crm/a.txt", Bundles.Text("zip line one", "zip line two"))), "bundle.zip");
        zip.Upload.Format.ShouldBe("zip");
        var plain = await Gateway.UploadOkAsync(created.Token, Bundles.Text("plain WARNING disk almost full"), "server.log");
        plain.Upload.Format.ShouldBe("text");
        await Gateway.UploadOkAsync(other.Token, Bundles.Gzip(Bundles.Text("other ticket line")), "x.log.gz");

        (await Es.WaitForCountAsync(Stream, 7)).ShouldBe(7);
        var documents = (await Es.DocumentsAsync(Stream)).Values.Select(d => JsonDocument.Parse(d).RootElement).ToList();
        var mine = documents.Where(d => d.GetProperty("labels").GetProperty("ticket").GetString() == "HD-1234").ToList();
        mine.Count.ShouldBe(6);
        mine.ShouldAllBe(d => d.GetProperty("labels").GetProperty("platform").GetString() == "shop");

        var error = mine.Single(d => d.GetProperty("message").GetString()!.Contains("order o-1 failed"));
        error.GetProperty("@timestamp").GetString().ShouldBe("2026-11-20T10:15:30.250Z");
        error.GetProperty("file").GetProperty("name").GetString().ShouldBe("app/shop.log");
        error.GetProperty("log").GetProperty("file").GetProperty("line").GetInt64().ShouldBe(1);
        error.GetProperty("log").GetProperty("level").GetString().ShouldBe("error");
        var expectedId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"HD-1234\n{receipt.Upload.Id}\napp/shop.log\n1")).AsSpan(0, 16));
        error.GetProperty("event").GetProperty("id").GetString().ShouldBe(expectedId);

        var retried = mine.Single(d => d.GetProperty("message").GetString()!.EndsWith("INFO retried", StringComparison.Ordinal));
        retried.GetProperty("@timestamp").GetString().ShouldBe("2026-11-20T08:15:31.500Z");
        retried.GetProperty("log").GetProperty("file").GetProperty("line").GetInt64().ShouldBe(4);
        var stack = mine.Single(d => d.GetProperty("message").GetString()!.Contains("Shop.Orders.Save"));
        stack.GetProperty("@timestamp").GetString().ShouldBe(receipt.Upload.Received.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        mine.Single(d => d.GetProperty("message").GetString() == "zip line two").GetProperty("file").GetProperty("name").GetString().ShouldBe("crm/a.txt");

        using var download = await Gateway.Admin.GetAsync($"/v1/tickets/HD-1234/uploads/{receipt.Upload.Id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(tarGz);
        File.Exists(Path.Combine(Data, "tickets", "HD-1234", receipt.Upload.Id, "logs.tar.gz")).ShouldBeTrue();

        var metrics = await Gateway.Anonymous.GetStringAsync("/metrics");
        metrics.ShouldContain("obs_gateway_ticket_uploads_accepted_total 4");
        metrics.ShouldContain("obs_gateway_ticket_lines_indexed_total 7");
    }

    [Fact]
    public async Task SolveStopsTheTokenAndDeleteRemovesTheFilesTheDocumentsAndTheTicket()
    {
        var created = await Gateway.CreateAsync("HD-77");
        var kept = await Gateway.CreateAsync("HD-78");
        var receipt = await Gateway.UploadOkAsync(created.Token, Bundles.Text("first", "second", "third"), "a.log");
        await Gateway.UploadOkAsync(kept.Token, Bundles.Text("stays"), "b.log");
        (await Es.WaitForCountAsync(Stream, 4)).ShouldBe(4);

        using (var solve = await Gateway.Admin.PostAsync("/v1/tickets/HD-77/solve", null))
        {
            solve.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await solve.Content.ReadAsStringAsync()).ShouldContain("\"state\": \"solved\"");
        }

        using (var late = await Gateway.UploadAsync(created.Token, Bundles.Text("too late"), "c.log"))
        {
            late.StatusCode.ShouldBe(HttpStatusCode.Gone);
            (await late.Content.ReadAsStringAsync()).ShouldContain("solved");
        }

        using (var delete = await Gateway.Admin.DeleteAsync("/v1/tickets/HD-77"))
        {
            var body = await delete.Content.ReadAsStringAsync();
            delete.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            body.ShouldContain("\"documents\": 3");
            body.ShouldContain("\"files\": 1");
        }

        Directory.Exists(Path.Combine(Data, "tickets", "HD-77")).ShouldBeFalse();
        var left = (await Es.DocumentsAsync(Stream)).Values.ToList();
        left.ShouldHaveSingleItem().ShouldContain("stays");
        (await Gateway.Admin.GetStringAsync("/v1/tickets")).ShouldNotContain("HD-77");
        using var gone = await Gateway.UploadAsync(created.Token, Bundles.Text("after delete"), "d.log");
        gone.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var missing = await Gateway.Admin.GetAsync($"/v1/tickets/HD-77/uploads/{receipt.Upload.Id}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ATicketsFileChangedBySomeoneElseIsReloadedWithoutARestart()
    {
        var created = await Gateway.CreateAsync("HD-10");
        await Gateway.CreateAsync("HD-11");
        var path = Path.Combine(Data, "tickets.json");
        var file = JsonSerializer.Deserialize(await File.ReadAllTextAsync(path), ObservabilityStack.Gateway.Tickets.TicketJsonContext.Default.TicketFile)!;
        file.Tickets.RemoveAll(t => t.Ticket == "HD-10");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(file, ObservabilityStack.Gateway.Tickets.TicketJsonContext.Default.TicketFile));

        Gateway.Tickets.Store.Reload();
        var list = await Gateway.Admin.GetStringAsync("/v1/tickets");
        list.ShouldNotContain("HD-10");
        list.ShouldContain("HD-11");
        using var upload = await Gateway.UploadAsync(created.Token, Bundles.Text("x"), "a.log");
        upload.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheTicketStoreAndTheUploadsSurviveARestartOfTheGateway()
    {
        var created = await Gateway.CreateAsync("HD-5", maxUploads: 2);
        var bundle = Bundles.TarGz(("x.log", Bundles.Text("before restart")));
        var receipt = await Gateway.UploadOkAsync(created.Token, bundle, "x.tar.gz");
        await RestartAsync();
        var list = await Gateway.Admin.GetStringAsync("/v1/tickets");
        list.ShouldContain("HD-5");
        list.ShouldContain(receipt.Upload.Sha256);
        (await Gateway.Admin.GetByteArrayAsync($"/v1/tickets/HD-5/uploads/{receipt.Upload.Id}")).ShouldBe(bundle);
        await Gateway.UploadOkAsync(created.Token, Bundles.Text("after restart"), "y.log");
        using var usedUp = await Gateway.UploadAsync(created.Token, Bundles.Text("third"), "z.log");
        usedUp.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await usedUp.Content.ReadAsStringAsync()).ShouldContain("used up");
        (await Es.WaitForCountAsync(Stream, 2)).ShouldBe(2);
    }
}
