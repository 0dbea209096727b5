using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Serilog.Tests.Support;

/// <summary>
/// A real Kestrel server (port 0) speaking the gateway's <c>/v1/logs</c> contract minimally: ApiKey auth, gzip NDJSON,
/// 202 with per-event rejections (lines containing <c>reject-me</c>), and scripted 429s with Retry-After.
/// </summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    public const string Key = "test-key";
    private readonly WebApplication _app;
    private int _throttle;

    private FakeGateway(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<JsonObject> Documents { get; } = new();

    public ConcurrentQueue<string> ContentEncodings { get; } = new();

    public int Requests;

    /// <summary>The next n requests are answered 429 with Retry-After: 1.</summary>
    public void Throttle(int requests) => _throttle = requests;

    public static async Task<FakeGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var gateway = new FakeGateway(app);
        app.MapPost("/v1/logs", (Func<HttpContext, Task<IResult>>)gateway.IntakeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        gateway.Url = new Uri(address);
        return gateway;
    }

    private async Task<IResult> IntakeAsync(HttpContext context)
    {
        Interlocked.Increment(ref Requests);
        if (context.Request.Headers.Authorization != $"ApiKey {Key}")
        {
            return Results.Json(new { error = "unauthorized", reason = "bad key" }, statusCode: 401);
        }

        if (Interlocked.Decrement(ref _throttle) >= 0)
        {
            context.Response.Headers.RetryAfter = "1";
            return Results.Json(new { error = "queue_full", reason = "try later" }, statusCode: 429);
        }

        var encoding = context.Request.Headers.ContentEncoding.ToString();
        ContentEncodings.Enqueue(encoding);
        var body = encoding == "gzip" ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body;
        using var reader = new StreamReader(body);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rejected = new List<object>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains("reject-me", StringComparison.Ordinal))
            {
                rejected.Add(new { index = i, reason = "field too large" });
                continue;
            }

            Documents.Enqueue(JsonNode.Parse(lines[i])!.AsObject());
        }

        return Results.Json(new { accepted = lines.Length - rejected.Count, rejected }, statusCode: 202);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
