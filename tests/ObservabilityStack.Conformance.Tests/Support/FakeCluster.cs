using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Conformance.Tests.Support;

/// <summary>A real Kestrel server on a free port that records requests and answers through a test's handler.</summary>
public sealed class FakeCluster : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeCluster(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Every request as <c>METHOD /path?query body</c>, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<FakeCluster> StartAsync(Func<HttpContext, string, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeCluster? cluster = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            cluster!.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} {body}".TrimEnd());
            await handler(context, body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        cluster = new FakeCluster(app, new Uri(address));
        return cluster;
    }

    /// <summary>Writes a JSON answer.</summary>
    public static Task JsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
