using System.Net;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Intake;

public class BulkApiTests
{
    [Fact]
    public async Task BulkBodiesAreRewrittenToTheKeysStreamAndAnsweredInElasticsearchShape()
    {
        await using var es = await TestElasticsearch.StartNewAsync();
        await using var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        var body = "{\"index\":{\"_index\":\"someone-elses-index\",\"_id\":\"abc-1\"}}\n{\"message\":\"from rsyslog\",\"severity\":\"notice\"}\n" +
                   "{\"delete\":{\"_index\":\"x\",\"_id\":\"1\"}}\n" +
                   "{\"create\":{}}\n{\"msg\":\"no index given\"}\n";
        using var response = await gateway.Http.PostAsync("/anything/_bulk", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Elastic-Product").ShouldContain("Elasticsearch");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("errors").GetBoolean().ShouldBeTrue();
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToArray();
        items.Length.ShouldBe(3);
        items[0].GetProperty("index").GetProperty("status").GetInt32().ShouldBe(201);
        items[0].GetProperty("index").GetProperty("_index").GetString().ShouldBe("logs-shop_api-production");
        items[0].GetProperty("index").GetProperty("_id").GetString().ShouldBe("abc-1");
        items[1].GetProperty("delete").GetProperty("status").GetInt32().ShouldBe(400);
        items[2].GetProperty("create").GetProperty("status").GetInt32().ShouldBe(201);

        (await es.WaitForCountAsync("logs-shop_api-production", 2)).ShouldBe(2);
        (await es.DocumentsAsync("logs-shop_api-production")).ShouldContainKey("abc-1");
        (await es.GetAsync("/someone-elses-index")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheRootAnswersLikeElasticsearchForShippersVersionChecks()
    {
        await using var gateway = await TestGateway.StartAsync();
        using var response = await gateway.Http.GetAsync("/");
        response.Headers.GetValues("X-Elastic-Product").ShouldContain("Elasticsearch");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("version").GetProperty("number").GetString()!.ShouldStartWith("8.");
        doc.RootElement.GetProperty("tagline").GetString().ShouldBe("You Know, for Search");
    }

    [Fact]
    public async Task MetricsCountAcceptedAndRejectedByReason()
    {
        await using var gateway = await TestGateway.StartAsync();
        await gateway.Http.PostAsync("/v1/logs", new StringContent("[{\"message\":\"ok\"},{\"nomessage\":1}]", Encoding.UTF8, "application/json"));
        var text = await gateway.Http.GetStringAsync("/metrics");
        text.ShouldContain("obs_gateway_events_accepted_total 1");
        text.ShouldContain("obs_gateway_events_rejected_total{reason=\"missing_message\"} 1");
        text.ShouldContain("obs_gateway_delivery_latency_seconds_bucket{le=\"+Inf\"}");
        (await gateway.Http.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
