using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Forwarding;

/// <summary>Delivery into the Elasticsearch emulator, through its injected faults and outages.</summary>
public class DeliveryTests
{
    private const string Stream = "logs-shop_api-production";
    private const string DeadLetter = "logs-deadletter-production";

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

    [Fact]
    public async Task AcceptedEventsArriveExactlyOnceWithTheirIdsAndNormalisedFields()
    {
        await using var es = await TestElasticsearch.StartNewAsync();
        await using var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        var ids = await SendAsync(gateway, 5, 100, "once");
        (await es.WaitForCountAsync(Stream, ids.Count)).ShouldBe(ids.Count);
        var documents = await es.DocumentsAsync(Stream);
        documents.Keys.Order(StringComparer.Ordinal).ShouldBe(ids.Order(StringComparer.Ordinal));
        using var doc = JsonDocument.Parse(documents[ids[0]]);
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
        await using var es = await TestElasticsearch.StartNewAsync();
        await es.FailBulkRequestsAsync(429, 3);
        await es.FailBulkRequestsAsync(503, 3);
        await using var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        var ids = await SendAsync(gateway, 3, 50, "faults");
        (await es.WaitForCountAsync(Stream, ids.Count)).ShouldBe(ids.Count);
        (await es.DocumentsAsync(Stream)).Keys.Order(StringComparer.Ordinal).ShouldBe(ids.Order(StringComparer.Ordinal));
        var metrics = gateway.Service<GatewayRuntime>().Metrics;
        metrics.Retried.ShouldBeGreaterThan(0);
        metrics.BulkFailures.ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public async Task AnElasticsearchOutageOnlyGrowsTheLogAndEverythingArrivesAfterwards()
    {
        await using var es = TestElasticsearch.Reserve();
        await using var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        var ids = await SendAsync(gateway, 4, 50, "outage");
        await Task.Delay(300);
        var runtime = gateway.Service<GatewayRuntime>();
        runtime.Wal.QueuedBytes.ShouldBeGreaterThan(0);
        runtime.Metrics.Delivered.ShouldBe(0);
        await es.StartAsync();
        (await es.WaitForCountAsync(Stream, ids.Count)).ShouldBe(ids.Count);
        (await es.DocumentsAsync(Stream)).Keys.Order(StringComparer.Ordinal).ShouldBe(ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ItemsRejectedPermanentlyGoToTheDeadLetterStreamWithTheReason()
    {
        await using var es = await TestElasticsearch.StartNewAsync();
        await es.RejectItemsAsync(2);
        await using var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        var ids = await SendAsync(gateway, 1, 10, "dl");
        (await es.WaitForCountAsync(DeadLetter, 2)).ShouldBe(2);
        (await es.WaitForCountAsync(Stream, ids.Count - 2)).ShouldBe(ids.Count - 2);
        var dead = (await es.DocumentsAsync(DeadLetter)).First();
        using var doc = JsonDocument.Parse(dead.Value);
        doc.RootElement.GetProperty("error").GetProperty("type").GetString().ShouldBe("document_parsing_exception");
        doc.RootElement.GetProperty("event").GetProperty("original").GetString()!.ShouldContain(dead.Key);
        gateway.Service<GatewayRuntime>().Metrics.DeadLettered.ShouldBe(2);
    }

    [Fact]
    public async Task AfterARestartUndeliveredEventsAreReplayedAndDeliveredOnce()
    {
        await using var es = TestElasticsearch.Reserve();
        var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        var directory = gateway.Directory;
        var ids = await SendAsync(gateway, 2, 100, "restart");
        await gateway.Host.DisposeAsync();
        await es.StartAsync();
        await using var again = await TestGateway.StartAsync(elasticsearch: es.Url, directory: directory);
        (await es.WaitForCountAsync(Stream, ids.Count)).ShouldBe(ids.Count);
        (await es.DocumentsAsync(Stream)).Keys.Order(StringComparer.Ordinal).ShouldBe(ids.Order(StringComparer.Ordinal));
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
}
