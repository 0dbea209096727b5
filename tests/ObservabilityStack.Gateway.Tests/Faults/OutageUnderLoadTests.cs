using System.Collections.Concurrent;
using System.Net;
using System.Text;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Faults;

/// <summary>Elasticsearch going away in the middle of a load, then coming back.</summary>
[Collection(RunsAlone.Name)]
public class OutageUnderLoadTests
{
    [Fact]
    public async Task WhenTheEmulatorGoesDownDuringALoadEveryAcknowledgedEventArrivesOnceItReturns()
    {
        await using var es = await TestElasticsearch.StartNewAsync();
        await using var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        var acknowledged = new ConcurrentBag<string>();
        var batches = 0;
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, 3).Select(s => Task.Run(async () =>
        {
            for (var b = 0; !stop.IsCancellationRequested; b++)
            {
                var ids = Enumerable.Range(0, 40).Select(i => $"o-{s}-{b}-{i}").ToArray();
                var body = string.Concat(ids.Select(id => $"{{\"message\":\"{id}\",\"event\":{{\"id\":\"{id}\"}}}}\n"));
                using var response = await gateway.Http.PostAsync("/v1/logs", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
                response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
                foreach (var id in ids)
                {
                    acknowledged.Add(id);
                }

                Interlocked.Increment(ref batches);
            }
        })).ToArray();

        var metrics = gateway.Service<GatewayRuntime>().Metrics;
        // Delivery is under way before the outage starts.
        await WaitForBatchesAsync(() => metrics.Delivered > 0 ? Volatile.Read(ref batches) : 0, 10);
        await es.StopAsync();
        var atOutage = Volatile.Read(ref batches);
        var failuresBefore = metrics.BulkFailures + metrics.ProvisioningFailures;
        // The outage lasts until the forwarder has really run into it, and intake carried on meanwhile.
        await WaitForBatchesAsync(() => metrics.BulkFailures + metrics.ProvisioningFailures > failuresBefore ? Volatile.Read(ref batches) : 0, atOutage + 20);
        gateway.Service<GatewayRuntime>().Wal.QueuedBytes.ShouldBeGreaterThan(0);
        await es.StartAsync();
        await WaitForBatchesAsync(() => Volatile.Read(ref batches), Volatile.Read(ref batches) + 10);
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        var expected = acknowledged.ToHashSet(StringComparer.Ordinal);
        (await es.WaitForCountAsync("logs-shop_api-production", expected.Count, seconds: 60)).ShouldBe(expected.Count);
        var documents = await es.DocumentsAsync("logs-shop_api-production");
        documents.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
    }

    private static async Task WaitForBatchesAsync(Func<int> batches, int target)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (batches() < target && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        batches().ShouldBeGreaterThanOrEqualTo(target);
    }
}
