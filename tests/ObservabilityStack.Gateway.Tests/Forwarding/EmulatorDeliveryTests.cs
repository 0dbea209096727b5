using System.Net;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Emulator;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Forwarding;

/// <summary>End to end into the Elasticsearch emulator, with its own fault injection.</summary>
public class EmulatorDeliveryTests
{
    private static async Task<long> CountAsync(HttpClient es, string index, string query = "")
    {
        await es.PostAsync($"/{index}/_refresh", null);
        using var response = await es.GetAsync($"/{index}/_count{query}");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return 0;
        }

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("count").GetInt64();
    }

    private static async Task<long> WaitForCountAsync(HttpClient es, string index, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long count;
        while ((count = await CountAsync(es, index)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return count;
    }

    [Fact]
    public async Task EventsArriveInTheEmulatorExactlyOnceThroughInjected429And503AndRejectedItemsAreDeadLettered()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        using var es = new HttpClient { BaseAddress = emulator.Url };
        (await es.PostAsync("/_emulator/faults", new StringContent("{\"status\":429,\"count\":2,\"path\":\"/_bulk\",\"retry_after\":0}", Encoding.UTF8, "application/json"))).IsSuccessStatusCode.ShouldBeTrue();
        (await es.PostAsync("/_emulator/faults", new StringContent("{\"status\":503,\"count\":2,\"path\":\"/_bulk\"}", Encoding.UTF8, "application/json"))).IsSuccessStatusCode.ShouldBeTrue();
        await using var gateway = await TestGateway.StartAsync(elasticsearch: emulator.Url);
        var body = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"{{\"message\":\"order {i} created\",\"level\":\"info\",\"event\":{{\"id\":\"emu-{i}\",\"action\":\"order.created\"}}}}\n");
        }

        using var response = await gateway.Http.PostAsync("/v1/logs", new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await WaitForCountAsync(es, "logs-shop_api-production", 300)).ShouldBe(300);
        gateway.Service<GatewayRuntime>().Metrics.Retried.ShouldBeGreaterThan(0);

        (await es.PostAsync("/_emulator/faults", new StringContent("{\"reject_items\":3,\"status\":400,\"type\":\"document_parsing_exception\"}", Encoding.UTF8, "application/json"))).IsSuccessStatusCode.ShouldBeTrue();
        using var more = await gateway.Http.PostAsync("/v1/logs", new StringContent("[{\"message\":\"a\"},{\"message\":\"b\"},{\"message\":\"c\"},{\"message\":\"d\"}]", Encoding.UTF8, "application/json"));
        more.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await WaitForCountAsync(es, "logs-deadletter-production", 3)).ShouldBe(3);
        (await WaitForCountAsync(es, "logs-shop_api-production", 301)).ShouldBe(301);
    }
}
