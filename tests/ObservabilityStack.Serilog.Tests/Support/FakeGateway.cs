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
/// A minimal stand-in for the gateway's <c>/v1/logs</c>, kept only to show the <c>Content-Encoding</c> each request
/// arrived with: the real gateway accepts gzip and plain alike and does not say which it got. Every other behaviour
/// (auth, rejections, 429 with Retry-After, delivery) is tested against the real gateway and the emulator
/// (<see cref="RealGateway"/>).
/// </summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    public const string Key = "test-key";
    private readonly WebApplication _app;

    private FakeGateway(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<JsonObject> Documents { get; } = new();

    public ConcurrentQueue<string> ContentEncodings { get; } = new();

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
        var encoding = context.Request.Headers.ContentEncoding.ToString();
        ContentEncodings.Enqueue(encoding);
        var body = encoding == "gzip" ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body;
        using var reader = new StreamReader(body);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            Documents.Enqueue(JsonNode.Parse(line)!.AsObject());
        }

        return Results.Json(new { accepted = lines.Length, rejected = Array.Empty<object>() }, statusCode: 202);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
