using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Serilog.Context;
using ObservabilityStack.Serilog.Sinks;
using ObservabilityStack.Serilog.Tests.Support;

namespace ObservabilityStack.Serilog.Tests.AspNetCore;

public class RequestLoggingTests : IAsyncLifetime
{
    private RealGateway _gateway = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _gateway = await RealGateway.StartAsync("shop-api", "test");
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ObservabilityStack:ServiceName"] = "shop-api",
            ["ObservabilityStack:Environment"] = "test",
            ["ObservabilityStack:MinimumLevel"] = "Debug",
            ["ObservabilityStack:Gateway:Url"] = _gateway.Url.ToString(),
            ["ObservabilityStack:Gateway:ApiKey"] = _gateway.Key,
        });
        builder.AddObservabilityStack(o => o.ConfigureSink = s => s.Period = TimeSpan.FromMilliseconds(20));
        builder.Services.AddHttpClient("self");
        _app = builder.Build();
        _app.UseObservabilityRequestLogging();
        _app.MapGet("/orders/{id}", (string id, ILogger<RequestLoggingTests> logger) =>
        {
            using (OrderContext.Begin(id))
            {
                logger.LogInformation("Order {OrderNumber} read", id);
            }

            return Results.Ok(new { id });
        });
        _app.MapGet("/boom", string () => throw new InvalidOperationException("kaputt", new TimeoutException("inner")));
        _app.MapGet("/health", () => "ok");
        _app.MapGet("/echo", (HttpRequest request) => new
        {
            correlation = request.Headers[CorrelationContext.HeaderName].ToString(),
            traceparent = request.Headers.TraceParent.ToString(),
        });
        _app.MapGet("/call", async (IHttpClientFactory factory, HttpContext context) =>
        {
            var client = factory.CreateClient("self");
            var url = $"{context.Request.Scheme}://{context.Request.Host}/echo";
            return Results.Content(await client.GetStringAsync(url), "application/json");
        });
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
    public async Task EachRequestIsOneEventWithTheHttpFieldsAndTheCorrelationIdIsReturned()
    {
        var response = await _client.GetAsync("/orders/o-17");
        var correlationId = response.Headers.GetValues(CorrelationContext.HeaderName).Single();

        var request = await RequestEventAsync("/orders/o-17");
        request["log"]!["level"]!.GetValue<string>().ShouldBe("info");
        request["http"]!["request"]!["method"]!.GetValue<string>().ShouldBe("GET");
        request["http"]!["response"]!["status_code"]!.GetValue<int>().ShouldBe(200);
        request["event"]!["duration"]!.GetValue<long>().ShouldBeGreaterThan(0);
        request["client"]!["ip"]!.GetValue<string>().ShouldBe("127.0.0.1");
        request["labels"]!["route_template"]!.GetValue<string>().ShouldBe("/orders/{id}");
        request["labels"]!["correlation_id"]!.GetValue<string>().ShouldBe(correlationId);
        request["service"]!["name"]!.GetValue<string>().ShouldBe("shop-api");
        request["trace"]!["id"]!.GetValue<string>().Length.ShouldBe(32);

        var business = await _gateway.DocumentAsync(d => d["message"]!.GetValue<string>().Contains("read", StringComparison.Ordinal), "the business event is delivered");
        business["order"]!["id"]!.GetValue<string>().ShouldBe("o-17");
        business["labels"]!["correlation_id"]!.GetValue<string>().ShouldBe(correlationId);
        business["trace"]!["id"]!.GetValue<string>().ShouldBe(request["trace"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnIncomingCorrelationIdIsKeptAndEchoed()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "/orders/o-1");
        message.Headers.Add(CorrelationContext.HeaderName, "abc-123");
        var response = await _client.SendAsync(message);

        response.Headers.GetValues(CorrelationContext.HeaderName).Single().ShouldBe("abc-123");
        (await RequestEventAsync("/orders/o-1"))["labels"]!["correlation_id"]!.GetValue<string>().ShouldBe("abc-123");
    }

    [Fact]
    public async Task ClientErrorsAreWarnings()
    {
        (await _client.GetAsync("/nowhere")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await RequestEventAsync("/nowhere"))["log"]!["level"]!.GetValue<string>().ShouldBe("warn");
    }

    [Fact]
    public async Task UnhandledExceptionsAreAnswered500AndLoggedOnceWithInnerExceptions()
    {
        (await _client.GetAsync("/boom")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);

        var request = await RequestEventAsync("/boom");
        request["log"]!["level"]!.GetValue<string>().ShouldBe("error");
        request["error"]!["type"]!.GetValue<string>().ShouldBe("System.InvalidOperationException");
        request["error"]!["message"]!.GetValue<string>().ShouldBe("kaputt ---> System.TimeoutException: inner");
        await _app.StopAsync();
        (await _gateway.SettledDocumentsAsync()).Count(d => d["error"] is not null).ShouldBe(1);
    }

    [Fact]
    public async Task HealthEndpointsAreNotLogged()
    {
        await _client.GetStringAsync("/health");
        await _client.GetAsync("/orders/after-health");

        await RequestEventAsync("/orders/after-health");
        (await _gateway.SettledDocumentsAsync()).ShouldNotContain(d => d["url"] != null && d["url"]!["path"]!.GetValue<string>() == "/health");
    }

    [Fact]
    public async Task OutgoingCallsCarryTheCorrelationIdAndTheTraceContext()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "/call");
        message.Headers.Add(CorrelationContext.HeaderName, "flow-1");
        var echoed = JsonNode.Parse(await (await _client.SendAsync(message)).Content.ReadAsStringAsync())!;

        echoed["correlation"]!.GetValue<string>().ShouldBe("flow-1");
        var outer = await RequestEventAsync("/call");
        var inner = await RequestEventAsync("/echo");
        var traceId = outer["trace"]!["id"]!.GetValue<string>();
        echoed["traceparent"]!.GetValue<string>().ShouldContain(traceId);
        inner["trace"]!["id"]!.GetValue<string>().ShouldBe(traceId);
        inner["labels"]!["correlation_id"]!.GetValue<string>().ShouldBe("flow-1");
    }

    [Fact]
    public void TheSinkMetricsAreAvailableAsAService() =>
        _app.Services.GetRequiredService<SinkMetrics>().ShouldNotBeNull();

    private Task<JsonObject> RequestEventAsync(string path) =>
        _gateway.DocumentAsync(d => d["http"] is not null && d["url"]?["path"]?.GetValue<string>() == path,
            $"the request event of {path} reaches Elasticsearch through the gateway");
}
