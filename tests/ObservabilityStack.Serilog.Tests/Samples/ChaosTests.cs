using System.Net;
using Microsoft.AspNetCore.Builder;
using ObservabilityStack.Samples.Mes;
using ObservabilityStack.Serilog.Tests.Support;

namespace ObservabilityStack.Serilog.Tests.Samples;

/// <summary>The misbehaviour endpoints, with the sample's sink pointed at the real gateway and the emulator.</summary>
public class ChaosTests : IAsyncLifetime
{
    private RealGateway _gateway = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _gateway = await RealGateway.StartAsync(MesApp.ServiceName, "demo");
        _app = await MesApp.BuildAsync(
            [$"--ObservabilityStack:Gateway:Url={_gateway.Url}", $"--ObservabilityStack:Gateway:ApiKey={_gateway.Key}"],
            "http://127.0.0.1:0");
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task ABurstOf5xxFailsExactlyTheNextNRequests()
    {
        (await _client.PostAsync("/chaos/5xx?count=3", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await _client.GetAsync("/api/ping")).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.OK]);
    }

    [Fact]
    public async Task AChosenExceptionTypeIsThrownAndLoggedWithItsType()
    {
        (await _client.PostAsync("/chaos/exception?type=timeout", null)).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);

        var logged = await _gateway.DocumentAsync(d => d["error"]?["type"]?.GetValue<string>() == "System.TimeoutException",
            "the exception reaches Elasticsearch with its type");
        logged["service"]!["name"]!.GetValue<string>().ShouldBe(MesApp.ServiceName);
    }

    [Fact]
    public async Task AnUnknownExceptionTypeIsABadRequestWithTheChoices()
    {
        var response = await _client.PostAsync("/chaos/exception?type=nope", null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("timeout");
    }

    [Fact]
    public async Task AFloodSendsTheRequestedNumberOfRequests()
    {
        var response = await _client.PostAsync("/chaos/flood?requests=50", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"succeeded\":50");
    }
}
