using System.Net;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Forwarding;

/// <summary>First-seen services get their template and ILM policy from the provisioning code, or are refused.</summary>
public class ProvisioningTests
{
    private const string Stream = "logs-shop_api-production";

    private static async Task<HttpResponseMessage> SendAsync(TestGateway gateway, string message) =>
        await gateway.Http.PostAsync("/v1/logs", new StringContent($"{{\"message\":\"{message}\"}}", Encoding.UTF8, "application/json"));

    [Fact]
    public async Task AServicesFirstEventCreatesItsIndexTemplateAndIlmPolicyAndTheDataStreamUsesThem()
    {
        await using var es = await TestElasticsearch.StartNewAsync();
        (await es.GetAsync("/_index_template/obs-logs-shop-api")).Status.ShouldBe(HttpStatusCode.NotFound);
        await using var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        using (var response = await SendAsync(gateway, "first event"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        (await es.WaitForCountAsync(Stream, 1)).ShouldBe(1);
        var (templateStatus, template) = await es.GetAsync("/_index_template/obs-logs-shop-api");
        templateStatus.ShouldBe(HttpStatusCode.OK);
        var body = template.GetProperty("index_templates")[0].GetProperty("index_template");
        body.GetProperty("index_patterns").EnumerateArray().Select(p => p.GetString()).ShouldContain("logs-shop_api-*");
        (await es.GetAsync("/_ilm/policy/obs-logs-shop-api")).Status.ShouldBe(HttpStatusCode.OK);
        (await es.GetAsync("/_component_template/obs-logs-mappings")).Status.ShouldBe(HttpStatusCode.OK);
        var (_, stream) = await es.GetAsync($"/_data_stream/{Stream}");
        stream.GetProperty("data_streams")[0].GetProperty("template").GetString().ShouldBe("obs-logs-shop-api");

        // Cached: later events of the same stream do not provision again.
        using (var again = await SendAsync(gateway, "second event"))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        (await es.WaitForCountAsync(Stream, 2)).ShouldBe(2);
        gateway.Service<GatewayRuntime>().Metrics.Provisioned.ShouldBe(1);
    }

    [Fact]
    public async Task AStreamCreatedEarlierFromTheBuiltInTemplateIsRolledOverOntoTheServicesTemplate()
    {
        await using var es = await TestElasticsearch.StartNewAsync();
        using (var http = new HttpClient { BaseAddress = es.Url })
        {
            (await http.PutAsync($"/_data_stream/{Stream}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await es.GetAsync($"/_data_stream/{Stream}")).Body.GetProperty("data_streams")[0].GetProperty("template").GetString().ShouldNotBe("obs-logs-shop-api");
        await using var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        using (var response = await SendAsync(gateway, "after bootstrap-less start"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        (await es.WaitForCountAsync(Stream, 1)).ShouldBe(1);
        // The rollover gave the stream a new write index, created from the service's template (its ILM policy).
        var indices = (await es.GetAsync($"/_data_stream/{Stream}")).Body.GetProperty("data_streams")[0].GetProperty("indices");
        indices.GetArrayLength().ShouldBe(2);
        var writeIndex = indices[1].GetProperty("index_name").GetString()!;
        var (_, settings) = await es.GetAsync($"/{writeIndex}/_settings");
        settings.GetProperty(writeIndex).GetProperty("settings").GetProperty("index").GetProperty("lifecycle").GetProperty("name").GetString()
            .ShouldBe("obs-logs-shop-api");
    }

    [Fact]
    public async Task WithRefuseAnUnknownServiceIsRejectedWithAClearReasonAndNothingIsCreated()
    {
        await using var es = await TestElasticsearch.StartNewAsync();
        await using var gateway = await TestGateway.StartAsync(o => o.Provisioning.Mode = ProvisioningMode.Refuse, es.Url);
        using var response = await SendAsync(gateway, "from an unknown service");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        answer.RootElement.GetProperty("error").GetString().ShouldBe("unknown_service");
        answer.RootElement.GetProperty("reason").GetString()!.ShouldContain("service 'shop-api' has not been provisioned");
        gateway.Service<GatewayRuntime>().Metrics.Rejected("unknown_service").ShouldBe(1);

        using var bulk = await gateway.Http.PostAsync("/_bulk", new StringContent("{\"create\":{}}\n{\"message\":\"x\"}\n", Encoding.UTF8, "application/x-ndjson"));
        bulk.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await bulk.Content.ReadAsStringAsync()).ShouldContain("unknown_service");
        (await es.GetAsync("/_index_template/obs-logs-shop-api")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WithRefuseAServiceListedAsKnownIsAcceptedAndDelivered()
    {
        await using var es = await TestElasticsearch.StartNewAsync();
        await using var gateway = await TestGateway.StartAsync(o =>
        {
            o.Provisioning.Mode = ProvisioningMode.Refuse;
            o.Provisioning.KnownServices = ["Shop-API"];
        }, es.Url);
        using var response = await SendAsync(gateway, "known service");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await es.WaitForCountAsync(Stream, 1)).ShouldBe(1);
        gateway.Service<GatewayRuntime>().Metrics.Provisioned.ShouldBe(0);
    }
}
