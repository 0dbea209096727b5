using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Tests.Support;
using ObservabilityStack.Gateway.Tickets;

namespace ObservabilityStack.Gateway.Tests.Tickets;

/// <summary>
/// A gateway process killed with SIGKILL while a customer's upload is still arriving: after the restart nothing of the
/// half-received upload is indexed or recorded, and the customer's retry with the same token is stored once.
/// </summary>
public sealed class TicketKillMidUploadTests
{
    private const string Stream = "logs-support-tickets";

    [Fact]
    public async Task AGatewayKilledMidUploadIndexesNothingOfItAndTheRetryIsStoredOnce()
    {
        await using var es = await TestElasticsearch.StartNewAsync();
        var data = Path.Combine(Path.GetTempPath(), "obs-gw-kill-upload-" + Guid.NewGuid().ToString("N"));
        var (_, adminKey) = ApiKeys.CreateAdmin(Path.Combine(data, "keys.json"), DateTimeOffset.UtcNow);
        var lines = Enumerable.Range(0, 20_000).Select(i => $"2026-11-22 06:00:00 ERROR order {i} failed").ToArray();
        var bundle = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        string token;
        var (first, url) = await GatewayProcess.StartAsync(data, es.Url);
        try
        {
            token = await CreateTicketAsync(url, adminKey);

            // Half the file goes out, then the client stalls; once the gateway holds the partial file, it is killed.
            var half = new StalledContent(bundle[..(bundle.Length / 2)]);
            using var customer = new HttpClient { BaseAddress = url };
            var upload = Upload(customer, token, half);
            var incoming = Path.Combine(data, "tickets", ".incoming");
            await Eventually(() => Directory.Exists(incoming) && Directory.GetFiles(incoming, "*.part").Any(f => new FileInfo(f).Length > 0));
            first.Kill();
            await first.WaitForExitAsync();
            half.Release();
            await Should.ThrowAsync<HttpRequestException>(upload);
        }
        finally
        {
            Stop(first);
        }

        var (second, secondUrl) = await GatewayProcess.StartAsync(data, es.Url);
        try
        {
            using var customer = new HttpClient { BaseAddress = secondUrl };
            using var retry = await Upload(customer, token, new ByteArrayContent(bundle));
            retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync());

            (await es.WaitForCountAsync(Stream, lines.Length, seconds: 60)).ShouldBe(lines.Length);
            using var admin = AdminClient(secondUrl, adminKey);
            var ticket = JsonDocument.Parse(await admin.GetStringAsync("/v1/tickets/HD-9")).RootElement;
            ticket.GetProperty("uploads").EnumerateArray().ShouldHaveSingleItem().GetProperty("lines").GetInt64().ShouldBe(lines.Length);
            await Task.Delay(500);
            (await es.CountAsync(Stream)).ShouldBe(lines.Length, "nothing of the killed upload was indexed");
        }
        finally
        {
            Stop(second);
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string> CreateTicketAsync(Uri url, string adminKey)
    {
        using var admin = AdminClient(url, adminKey);
        using var response = await admin.PostAsJsonAsync("/v1/tickets",
            new CreateTicketRequest { Ticket = "HD-9", Platform = "shop", MaxUploads = 3 }, TicketJsonContext.Default.CreateTicketRequest);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync(TicketJsonContext.Default.CreatedTicket))!.Token;
    }

    private static HttpClient AdminClient(Uri url, string adminKey)
    {
        var admin = new HttpClient { BaseAddress = url };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", adminKey);
        return admin;
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, string token, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/v1/tickets/upload/orders.log") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "Ticket " + token);
        return client.SendAsync(request);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "the gateway never held the partial upload");
            await Task.Delay(20);
        }
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    /// <summary>Sends its bytes (chunked, no length), then holds the request open until released.</summary>
    private sealed class StalledContent(byte[] bytes) : HttpContent
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _release.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes);
            await stream.FlushAsync();
            await _release.Task;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
