using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Elasticsearch.Tests.Support;

/// <summary>
/// A real Kestrel server on a free loopback port that answers from a script (then a default Elasticsearch-like
/// 200) and captures every request, so tests see exactly what the client sends over the wire.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();

    private ScriptedServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<CapturedRequest> Requests => [.. _requests];

    /// <summary>The default answer when the script is empty.</summary>
    public string DefaultBody { get; set; } = """{"acknowledged":true}""";

    public static async Task<ScriptedServer> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var server = new ScriptedServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    /// <summary>Queues one answer.</summary>
    public void Enqueue(int status, string body, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        _script.Enqueue(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.WriteAsync(body);
        });

    /// <summary>Queues an answer that comes only after <paramref name="delay"/> (or when the client gives up).</summary>
    public void EnqueueDelayed(TimeSpan delay) =>
        _script.Enqueue(async context =>
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await context.Response.WriteAsync("{}");
        });

    /// <summary>Queues an answer with the Elasticsearch product header.</summary>
    public void EnqueueElasticsearch(int status, string body, params (string Name, string Value)[] headers) =>
        Enqueue(status, body, "application/json", [("X-Elastic-Product", "Elasticsearch"), .. headers]);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new CapturedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
            headers, body.ToArray()));
        if (_script.TryDequeue(out var answer))
        {
            await answer(context);
            return;
        }

        context.Response.ContentType = "application/json";
        context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
        await context.Response.WriteAsync(DefaultBody);
    }
}
