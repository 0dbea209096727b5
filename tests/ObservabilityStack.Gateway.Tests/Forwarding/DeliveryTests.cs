using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Forwarding;

public class DeliveryTests
{
    private const string Stream = "logs-shop_api-production";

    private static async Task<List<string>> SendAsync(TestGateway gateway, int batches, int perBatch, string prefix)
    {
        var ids = new List<string>();
        for (var b = 0; b < batches; b++)
        {
            var lines = new StringBuilder();
            for (var i = 0; i < perBatch; i++)
            {
                var id = $"{prefix}-{b}-{i}";
                ids.Add(id);
                lines.Append(CultureInfo.InvariantCulture, $"{{\"message\":\"event {id}\",\"event\":{{\"id\":\"{id}\"}},\"@timestamp\":1700000000000}}\n");
            }

            using var response = await gateway.Http.PostAsync("/v1/logs", new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson"));
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        return ids;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        condition().ShouldBeTrue();
    }

    [Fact]
    public async Task AcceptedEventsArriveExactlyOnceWithTheirIdsAndNormalisedFields()
    {
        await using var es = await FakeElasticsearch.StartAsync();
        await using var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        var ids = await SendAsync(gateway, 5, 100, "once");
        await WaitUntilAsync(() => es.CountIn(Stream) == ids.Count);
        es.Documents.Keys.Where(k => k.Index == Stream).Select(k => k.Id).Order(StringComparer.Ordinal).ShouldBe(ids.Order(StringComparer.Ordinal));
        using var doc = JsonDocument.Parse(es.Documents[(Stream, ids[0])]);
        var root = doc.RootElement;
        root.GetProperty("@timestamp").GetString().ShouldBe("2023-11-14T22:13:20.000Z");
        root.GetProperty("log").GetProperty("level").GetString().ShouldBe("info");
        root.GetProperty("service").GetProperty("name").GetString().ShouldBe("shop-api");
        root.GetProperty("service").GetProperty("environment").GetString().ShouldBe("production");
        root.GetProperty("event").GetProperty("id").GetString().ShouldBe(ids[0]);
        root.GetProperty("event").TryGetProperty("ingested", out _).ShouldBeTrue();
        var runtime = gateway.Service<GatewayRuntime>();
        await WaitUntilAsync(() => runtime.Wal.CheckpointPosition == runtime.Wal.DurablePosition);
        runtime.Metrics.Delivered.ShouldBe(ids.Count);
    }

    [Fact]
    public async Task Answers429And503AreRetriedUntilEverythingArrives()
    {
        await using var es = await FakeElasticsearch.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            es.RequestFaults.Enqueue((429, 0));
            es.RequestFaults.Enqueue((503, 0));
        }

        await using var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        var ids = await SendAsync(gateway, 3, 50, "faults");
        await WaitUntilAsync(() => es.CountIn(Stream) == ids.Count);
        es.RequestFaults.ShouldBeEmpty();
        gateway.Service<GatewayRuntime>().Metrics.Retried.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AnElasticsearchOutageOnlyGrowsTheLogAndEverythingArrivesAfterwards()
    {
        await using var es = await FakeElasticsearch.StartAsync();
        var port = es.Url.Port;
        await es.StopAsync();
        await using var gateway = await TestGateway.StartAsync(elasticsearch: new Uri($"http://127.0.0.1:{port}"));
        var ids = await SendAsync(gateway, 4, 50, "outage");
        await Task.Delay(300);
        var runtime = gateway.Service<GatewayRuntime>();
        runtime.Wal.QueuedBytes.ShouldBeGreaterThan(0);
        runtime.Metrics.Delivered.ShouldBe(0);
        await es.StartOnAsync(port);
        await WaitUntilAsync(() => es.CountIn(Stream) == ids.Count);
    }

    [Fact]
    public async Task ItemsRejectedPermanentlyGoToTheDeadLetterStreamWithTheReason()
    {
        await using var es = await FakeElasticsearch.StartAsync();
        es.RejectNextItems(2);
        await using var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        var ids = await SendAsync(gateway, 1, 10, "dl");
        await WaitUntilAsync(() => es.CountIn(Stream) + es.CountIn("logs-deadletter-production") == ids.Count);
        es.CountIn("logs-deadletter-production").ShouldBe(2);
        var dead = es.Documents.First(kv => kv.Key.Index == "logs-deadletter-production");
        using var doc = JsonDocument.Parse(dead.Value);
        doc.RootElement.GetProperty("error").GetProperty("type").GetString().ShouldBe("document_parsing_exception");
        doc.RootElement.GetProperty("event").GetProperty("original").GetString()!.ShouldContain(dead.Key.Id);
        gateway.Service<GatewayRuntime>().Metrics.DeadLettered.ShouldBe(2);
    }

    [Fact]
    public async Task AfterARestartUndeliveredEventsAreReplayedAndDeliveredOnce()
    {
        await using var es = await FakeElasticsearch.StartAsync();
        var port = es.Url.Port;
        await es.StopAsync();
        var gateway = await TestGateway.StartAsync(elasticsearch: new Uri($"http://127.0.0.1:{port}"));
        var directory = gateway.Directory;
        var ids = await SendAsync(gateway, 2, 100, "restart");
        await gateway.Host.DisposeAsync();
        await es.StartOnAsync(port);
        await using var again = await TestGateway.StartAsync(elasticsearch: es.Url, directory: directory);
        await WaitUntilAsync(() => es.CountIn(Stream) == ids.Count);
        es.Documents.Keys.Select(k => k.Id).Order(StringComparer.Ordinal).ShouldBe(ids.Order(StringComparer.Ordinal));
    }
}
