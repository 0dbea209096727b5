using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Intake;

/// <summary>
/// Intake's slots bound what request bodies may hold in memory: a request beyond them waits without a buffer and gets
/// 429 when none comes free in time; every path gives its slot back.
/// </summary>
[Collection(RunsAlone.Name)]
public class IntakeSlotsTests
{
    private const string Event = "{\"message\":\"order created\",\"level\":\"info\"}";

    [Fact]
    public async Task WhenEverySlotIsHeldBySlowBodiesTheNextRequestGets429WithRetryAfterAndTheSlotsComeBack()
    {
        await using var gateway = await TestGateway.StartAsync(o =>
        {
            o.MaxConcurrentBodies = 2;
            o.BodySlotWaitMilliseconds = 200;
        });
        var intake = gateway.Service<GatewayRuntime>().Intake;
        var release = new TaskCompletionSource();
        var slow = Enumerable.Range(0, 2).Select(_ => SendSlowAsync(gateway, release.Task)).ToArray();
        await WaitUntilAsync(() => intake.InUse == 2);
        intake.InUse.ShouldBe(2);

        using var refused = await gateway.Http.PostAsync("/v1/logs", Json(Event));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        using (var answer = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            answer.RootElement.GetProperty("error").GetString().ShouldBe("busy");
            answer.RootElement.GetProperty("reason").GetString().ShouldBe("all 2 intake slots stayed busy; retry later");
        }

        using var bulk = await gateway.Http.PostAsync("/_bulk", new StringContent("{\"create\":{}}\n" + Event + "\n", Encoding.UTF8, "application/x-ndjson"));
        bulk.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        using (var answer = JsonDocument.Parse(await bulk.Content.ReadAsStringAsync()))
        {
            answer.RootElement.GetProperty("error").GetProperty("type").GetString().ShouldBe("es_rejected_execution_exception");
        }

        gateway.Service<GatewayRuntime>().Metrics.Rejected("busy").ShouldBe(2);
        release.SetResult();
        foreach (var status in await Task.WhenAll(slow))
        {
            status.ShouldBe(HttpStatusCode.Accepted);
        }

        intake.InUse.ShouldBe(0);
        using var after = await gateway.Http.PostAsync("/v1/logs", Json(Event));
        after.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task EveryRefusedBodyGivesItsSlotBack()
    {
        await using var gateway = await TestGateway.StartAsync(o =>
        {
            o.MaxConcurrentBodies = 1;
            o.BodySlotWaitMilliseconds = 200;
            o.Limits.MaxBodyBytes = 1024;
        });
        var gzipped = Json(Event);
        gzipped.Headers.ContentEncoding.Add("gzip");
        var brotli = Json(Event);
        brotli.Headers.ContentEncoding.Add("br");
        var refusals = new (HttpContent Body, string Path, HttpStatusCode Status)[]
        {
            (Json("{\"message\":"), "/v1/logs", HttpStatusCode.BadRequest),
            (Json(new string('x', 2048)), "/v1/logs", HttpStatusCode.RequestEntityTooLarge),
            (gzipped, "/v1/logs", HttpStatusCode.BadRequest),
            (brotli, "/v1/logs", HttpStatusCode.UnsupportedMediaType),
            (Json("not ndjson"), "/_bulk", HttpStatusCode.BadRequest),
        };
        foreach (var (body, path, status) in refusals)
        {
            using var response = await gateway.Http.PostAsync(path, body);
            response.StatusCode.ShouldBe(status, $"{path} {await body.ReadAsStringAsync()}");
        }

        gateway.Service<GatewayRuntime>().Intake.InUse.ShouldBe(0);
        using var accepted = await gateway.Http.PostAsync("/v1/logs", Json(Event));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        gateway.Service<GatewayRuntime>().Metrics.Rejected("busy").ShouldBe(0);
    }

    [Fact]
    public async Task ManyConcurrentRequestsRentTheirBuffersFromThePoolInsteadOfAllocatingThem()
    {
        await using var gateway = await TestGateway.StartAsync(o =>
        {
            o.MaxConcurrentBodies = 4;
            // Waiting is the point here, not the 429.
            o.BodySlotWaitMilliseconds = 120_000;
            // Nothing listens at the Elasticsearch URL: after its first failed attempt the forwarder must sit still, or
            // its reading of the log would count as intake's allocations.
            o.Delivery.InitialBackoffMilliseconds = o.Delivery.MaxBackoffMilliseconds = 600_000;
        });
        // Few large events (about 2 KB each), so that what intake allocates per event is small beside the body.
        var line = "{\"@timestamp\":\"2026-11-21T10:00:00.000Z\",\"message\":\"" + new string('m', 2000) + "\",\"level\":\"info\"}\n";
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, 250)));
        const int requests = 48;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = requests }) { BaseAddress = gateway.Host.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", gateway.Key);

        // Each request holds one body and one records buffer (two sizes), and at most 4 requests hold theirs at once: so
        // the pool, keeping 4 arrays per size, allocates at most 4 of each, however many requests come. With a pool
        // smaller than the concurrency (the old 8 arrays per size for 32 requests in flight) requests allocated both.
        var intake = gateway.Service<GatewayRuntime>().Intake;
        for (var round = 0; round < 3; round++)
        {
            await SendConcurrentlyAsync(http, body, requests);
        }

        intake.BuffersAllocated.ShouldBeInRange(2, 4 * 2);
        intake.InUse.ShouldBe(0);
        gateway.Service<GatewayRuntime>().Metrics.Accepted.ShouldBe(3L * requests * 250);
    }

    private static async Task SendConcurrentlyAsync(HttpClient http, byte[] body, int requests)
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, requests).Select(async _ =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            using var response = await http.PostAsync("/v1/logs", content);
            return response.StatusCode;
        }));
        statuses.ShouldAllBe(s => s == HttpStatusCode.Accepted);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    // Each slow body on its own connection: half of it now, the rest once released, so its request holds a slot meanwhile.
    private static async Task<HttpStatusCode> SendSlowAsync(TestGateway gateway, Task release)
    {
        using var http = new HttpClient { BaseAddress = gateway.Host.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", gateway.Key);
        using var content = new SlowContent(Encoding.UTF8.GetBytes(Event), release);
        using var response = await http.PostAsync("/v1/logs", content);
        return response.StatusCode;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }
    }

    private sealed class SlowContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly Task _release;

        public SlowContent(byte[] bytes, Task release)
        {
            _bytes = bytes;
            _release = release;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_bytes.AsMemory(0, _bytes.Length / 2));
            await stream.FlushAsync();
            await _release;
            await stream.WriteAsync(_bytes.AsMemory(_bytes.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
