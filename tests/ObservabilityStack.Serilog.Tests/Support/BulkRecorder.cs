using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Serilog.Tests.Support;

/// <summary>
/// A real Kestrel server (port 0) answering <c>POST /_bulk</c> like Elasticsearch (every action created), recording
/// each request's Content-Encoding and its NDJSON lines after gzip decoding. For what the emulator does not do: gzip.
/// </summary>
internal sealed class BulkRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BulkRecorder(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<(string? Encoding, string[] Lines)> Requests { get; } = new();

    public static async Task<BulkRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var recorder = new BulkRecorder(app);
        app.MapPost("/_bulk", async (HttpContext context) =>
        {
            var encoding = context.Request.Headers.ContentEncoding.ToString();
            Stream body = encoding == "gzip" ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body;
            using var reader = new StreamReader(body, Encoding.UTF8);
            var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            recorder.Requests.Enqueue((encoding.Length == 0 ? null : encoding, lines));
            var items = string.Join(",", Enumerable.Range(0, lines.Length / 2).Select(_ => "{\"create\":{\"status\":201,\"result\":\"created\"}}"));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($"{{\"took\":1,\"errors\":false,\"items\":[{items}]}}");
        });
        await app.StartAsync();
        recorder.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return recorder;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
