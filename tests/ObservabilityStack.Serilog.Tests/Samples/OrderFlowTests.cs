using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using ObservabilityStack.Emulator;
using ObservabilityStack.Samples.Crm;
using ObservabilityStack.Samples.Mes;
using ObservabilityStack.Samples.Shop;
using Microsoft.Extensions.DependencyInjection;
using ObservabilityStack.Serilog.Context;
using ObservabilityStack.Serilog.Sinks;
using ObservabilityStack.Serilog.Tests.Support;

namespace ObservabilityStack.Serilog.Tests.Samples;

/// <summary>The three samples started in-process on port 0, their sinks pointed at an emulator.</summary>
public class OrderFlowTests
{
    private const string Localhost = "http://127.0.0.1:0";

    [Fact]
    public async Task AnOrderThroughShopCrmAndMesLandsInThreeDataStreamsSharingOneTraceId()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        string[] sink = [$"--ObservabilityStack:Elasticsearch:Url={emulator.Url}"];
        var mes = await StartAsync(MesApp.BuildAsync(sink, Localhost));
        var crm = await StartAsync(CrmApp.BuildAsync([.. sink, $"--Services:Mes={mes.Urls.First()}"], Localhost));
        var shop = await StartAsync(ShopApp.BuildAsync([.. sink, $"--Services:Crm={crm.Urls.First()}"], Localhost));

        using var client = new HttpClient { BaseAddress = new Uri(shop.Urls.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new { userId = "u-1001", lines = new[] { new { sku = "SKU-42", quantity = 2 } }, total = 39.98m }),
        };
        request.Headers.Add(CorrelationContext.HeaderName, "flow-test-1");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var orderId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        (await client.GetAsync($"/api/orders/{orderId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Wait until each service's sink has delivered what it queued, rather than trusting the flush at dispose to
        // finish within its timeout: on a cold, loaded machine the first bulk request (connection, data stream
        // creation, JIT) once took longer than FlushTimeout, the shop's events were dropped (counted) and the test
        // saw no shop documents. Stopping then only flushes the few events of the shutdown itself.
        var metrics = new Dictionary<string, SinkMetrics>
        {
            ["shop"] = shop.Services.GetRequiredService<SinkMetrics>(),
            ["crm"] = crm.Services.GetRequiredService<SinkMetrics>(),
            ["mes"] = mes.Services.GetRequiredService<SinkMetrics>(),
        };
        await Eventually.TrueAsync(() => metrics.Values.All(m => m.Queued > 0 && m.Sent + m.DeadLettered + m.Dropped >= m.Queued),
            $"every sample's sink delivered what it queued ({string.Join("; ", metrics.Select(m => $"{m.Key}: {m.Value}"))})", seconds: 120);
        metrics.ShouldAllBe(m => m.Value.Dropped == 0 && m.Value.DeadLettered == 0);
        foreach (var app in new[] { shop, crm, mes })
        {
            await app.DisposeAsync();
        }

        using var probe = new EmulatorProbe(emulator.Url);
        var streams = new Dictionary<string, List<JsonObject>>();
        foreach (var service in new[] { "shop", "crm", "mes" })
        {
            var all = await probe.DocumentsAsync($"logs-{service}-demo");
            streams[service] = all.Where(d => d["order"]?["id"]?.GetValue<string>() == orderId).ToList();
            streams[service].ShouldNotBeEmpty($"{service} logged the order (sink: {metrics[service]}; the stream holds {all.Count} documents, " +
                $"order ids [{string.Join(", ", all.Select(d => d["order"]?["id"]?.ToString()).Distinct())}], looking for {orderId})");
        }

        var traceIds = streams.Values.SelectMany(d => d).Select(d => d["trace"]?["id"]?.GetValue<string>()).Distinct().ToList();
        traceIds.Count.ShouldBe(2, "one trace for the create flow across three services, one for the read");
        var createTrace = streams["mes"][0]["trace"]!["id"]!.GetValue<string>();
        streams["shop"].ShouldContain(d => d["trace"]!["id"]!.GetValue<string>() == createTrace);
        streams["crm"].ShouldContain(d => d["trace"]!["id"]!.GetValue<string>() == createTrace);
        streams.Values.SelectMany(d => d).Where(d => d["trace"]!["id"]!.GetValue<string>() == createTrace)
            .ShouldAllBe(d => d["labels"]!["correlation_id"]!.GetValue<string>() == "flow-test-1");

        var actions = streams.Values.SelectMany(d => d).Select(d => d["event"]?["action"]?.GetValue<string>()).ToList();
        actions.ShouldContain("order.created");
        actions.ShouldContain("order.status_changed");
        actions.ShouldContain("order.read");
        streams["shop"].ShouldContain(d => d["event"]!["action"] != null && d["user"]!["id"]!.GetValue<string>() == "u-1001");
    }

    private static async Task<WebApplication> StartAsync(Task<WebApplication> build)
    {
        var app = await build;
        await app.StartAsync();
        return app;
    }
}
