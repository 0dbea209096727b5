using System.Net;
using System.Text;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Intake;

public class BrowserLogsTests
{
    [Fact]
    public async Task BrowserKeysWorkOnlyFromTheirOriginsAndOnlyOnTheBrowserEndpoint()
    {
        await using var gateway = await TestGateway.StartAsync();
        var (_, browserKey) = ApiKeys.Create(gateway.Options.ResolveKeysFile(), "shop-web", ["production"], true, ["https://shop.example"], DateTimeOffset.UtcNow);
        gateway.Service<GatewayRuntime>().Keys.Reload();
        using var client = new HttpClient { BaseAddress = gateway.Host.Url };

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/browser-logs");
        preflight.Headers.Add("Origin", "https://shop.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var pre = await client.SendAsync(preflight);
        pre.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        pre.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://shop.example"]);

        using var evilPreflight = new HttpRequestMessage(HttpMethod.Options, "/v1/browser-logs");
        evilPreflight.Headers.Add("Origin", "https://evil.example");
        (await client.SendAsync(evilPreflight)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v1/browser-logs?api_key={browserKey}") { Content = new StringContent("{\"message\":\"button clicked\",\"level\":\"error\"}", Encoding.UTF8, "text/plain") };
        post.Headers.Add("Origin", "https://shop.example");
        var accepted = await client.SendAsync(post);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        accepted.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://shop.example"]);

        using var evil = new HttpRequestMessage(HttpMethod.Post, $"/v1/browser-logs?api_key={browserKey}") { Content = new StringContent("{\"message\":\"x\"}", Encoding.UTF8, "text/plain") };
        evil.Headers.Add("Origin", "https://evil.example");
        (await client.SendAsync(evil)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var wrongDoor = new HttpRequestMessage(HttpMethod.Post, "/v1/logs") { Content = new StringContent("{\"message\":\"x\"}", Encoding.UTF8, "application/json") };
        wrongDoor.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", browserKey);
        (await client.SendAsync(wrongDoor)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var big = "[" + string.Join(",", Enumerable.Repeat("{\"message\":\"" + new string('b', 4000) + "\"}", 80)) + "]";
        using var tooBig = new HttpRequestMessage(HttpMethod.Post, $"/v1/browser-logs?api_key={browserKey}") { Content = new StringContent(big, Encoding.UTF8, "text/plain") };
        (await client.SendAsync(tooBig)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }
}
