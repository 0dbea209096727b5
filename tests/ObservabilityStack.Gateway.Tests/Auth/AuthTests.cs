using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Auth;

public class AuthTests : IAsyncLifetime
{
    private TestGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await TestGateway.StartAsync(o =>
    {
        o.RateLimits.RequestsPerSecondPerKey = 5;
        o.RateLimits.BurstPerKey = 5;
    });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private async Task<HttpResponseMessage> PostAsync(AuthenticationHeaderValue? auth, string body = "{\"message\":\"hello\"}")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/logs") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = auth;
        using var client = new HttpClient { BaseAddress = _gateway.Host.Url };
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task MissingWrongAndRevokedKeysGet401()
    {
        (await PostAsync(null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync(new AuthenticationHeaderValue("ApiKey", "obs_000000000000_wrong"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var id = ApiKeys.IdOf(_gateway.Key)!;
        var forged = _gateway.Key[..^2] + "xx";
        (await PostAsync(new AuthenticationHeaderValue("ApiKey", forged))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await PostAsync(new AuthenticationHeaderValue("ApiKey", _gateway.Key))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        ApiKeys.Revoke(_gateway.Options.ResolveKeysFile(), id, DateTimeOffset.UtcNow).ShouldBeTrue();
        _gateway.Service<GatewayRuntime>().Keys.Reload();
        var revoked = await PostAsync(new AuthenticationHeaderValue("ApiKey", _gateway.Key));
        revoked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await revoked.Content.ReadAsStringAsync()).ShouldContain("unknown or revoked");
    }

    [Fact]
    public async Task ElasticsearchApiKeyAndBasicAuthFormsAreAccepted()
    {
        var id = ApiKeys.IdOf(_gateway.Key)!;
        var esForm = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{_gateway.Key}"));
        (await PostAsync(new AuthenticationHeaderValue("ApiKey", esForm))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"rsyslog:{_gateway.Key}"));
        (await PostAsync(new AuthenticationHeaderValue("Basic", basic))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task AKeyCannotWriteAnotherEnvironmentOrService()
    {
        var auth = new AuthenticationHeaderValue("ApiKey", _gateway.Key);
        var other = await PostAsync(auth, "{\"message\":\"m\",\"service\":{\"environment\":\"development\"}}");
        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.Content.ReadAsStringAsync()).ShouldContain("forbidden_environment");
        (await PostAsync(auth, "{\"message\":\"m\",\"service.name\":\"crm-api\"}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(auth, "{\"message\":\"m\",\"service.environment\":\"staging\"}")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task AFloodGets429WithRetryAfter()
    {
        var auth = new AuthenticationHeaderValue("ApiKey", _gateway.Key);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 20; i++)
        {
            var response = await PostAsync(auth);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        statuses.ShouldContain(HttpStatusCode.TooManyRequests);
        limited!.Headers.RetryAfter.ShouldNotBeNull();
        _gateway.Service<GatewayRuntime>().Metrics.Rejected("rate_limited").ShouldBeGreaterThan(0);
    }
}
