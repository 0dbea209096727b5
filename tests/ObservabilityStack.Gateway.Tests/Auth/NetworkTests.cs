using System.Net;
using System.Text;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Auth;

public class NetworkTests
{
    [Fact]
    public async Task ClientsOutsideTheTrustedNetworksGet403()
    {
        await using var gateway = await TestGateway.StartAsync(o => o.TrustedNetworks = ["10.0.0.0/8"]);
        using var response = await gateway.Http.PostAsync("/v1/logs", new StringContent("{\"message\":\"m\"}", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("untrusted_network");
    }

    [Fact]
    public async Task ForwardedForIsBelievedOnlyFromConfiguredProxies()
    {
        await using var trusting = await TestGateway.StartAsync(o =>
        {
            o.TrustedNetworks = ["192.0.2.0/24"];
            o.TrustedProxies = ["127.0.0.1/32"];
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/logs") { Content = new StringContent("{\"message\":\"m\"}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", "192.0.2.7");
        (await trusting.Http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        await using var strict = await TestGateway.StartAsync(o => o.TrustedNetworks = ["192.0.2.0/24"]);
        using var spoofed = new HttpRequestMessage(HttpMethod.Post, "/v1/logs") { Content = new StringContent("{\"message\":\"m\"}", Encoding.UTF8, "application/json") };
        spoofed.Headers.Add("X-Forwarded-For", "192.0.2.7");
        (await strict.Http.SendAsync(spoofed)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
