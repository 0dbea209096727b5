using System.Net;
using System.Text;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Forwarding;

/// <summary>End to end into the Elasticsearch emulator: 429s, 503s and rejected items in one run.</summary>
public class EmulatorDeliveryTests
{
    [Fact]
    public async Task EventsArriveInTheEmulatorExactlyOnceThroughInjected429And503AndRejectedItemsAreDeadLettered()
    {
        await using var es = await TestElasticsearch.StartNewAsync();
        await es.FailBulkRequestsAsync(429, 2);
        await es.FailBulkRequestsAsync(503, 2);
        await using var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        var body = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"{{\"message\":\"order {i} created\",\"level\":\"info\",\"event\":{{\"id\":\"emu-{i}\",\"action\":\"order.created\"}}}}\n");
        }

        using var response = await gateway.Http.PostAsync("/v1/logs", new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await es.WaitForCountAsync("logs-shop_api-production", 300)).ShouldBe(300);
        gateway.Service<GatewayRuntime>().Metrics.Retried.ShouldBeGreaterThan(0);

        await es.RejectItemsAsync(3);
        using var more = await gateway.Http.PostAsync("/v1/logs", new StringContent("[{\"message\":\"a\"},{\"message\":\"b\"},{\"message\":\"c\"},{\"message\":\"d\"}]", Encoding.UTF8, "application/json"));
        more.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await es.WaitForCountAsync("logs-deadletter-production", 3)).ShouldBe(3);
        (await es.WaitForCountAsync("logs-shop_api-production", 301)).ShouldBe(301);
        gateway.Service<GatewayRuntime>().Metrics.DeadLettered.ShouldBe(3);
    }
}
