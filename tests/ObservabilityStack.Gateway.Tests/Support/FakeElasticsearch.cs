using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Gateway.Tests.Support;

/// <summary>
/// A real HTTP server speaking the bulk subset the forwarder uses (create with _id, 409 on duplicates)
/// with the emulator's fault-injection semantics, so delivery tests run before the full emulator lands.
/// </summary>
public sealed class FakeElasticsearch : IAsyncDisposable
{
    private WebApplication? _app;
    private int _port;

    public ConcurrentDictionary<(string Index, string Id), string> Documents { get; } = new();

    public ConcurrentQueue<(int Status, int RetryAfter)> RequestFaults { get; } = new();

    private int _rejectItems;
    private int _bulkRequests;

    public int BulkRequests => Volatile.Read(ref _bulkRequests);

    public void RejectNextItems(int count) => Volatile.Write(ref _rejectItems, count);

    public Uri Url => new($"http://127.0.0.1:{_port}");

    public static async Task<FakeElasticsearch> StartAsync(int port = 0)
    {
        var fake = new FakeElasticsearch();
        await fake.StartOnAsync(port);
        return fake;
    }

    public async Task StartOnAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.MapPost("/_bulk", BulkAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _port = new Uri(address).Port;
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public int CountIn(string index) => Documents.Keys.Count(k => k.Index == index);

    private async Task BulkAsync(HttpContext context)
    {
        Interlocked.Increment(ref _bulkRequests);
        if (RequestFaults.TryDequeue(out var fault))
        {
            context.Response.StatusCode = fault.Status;
            if (fault.RetryAfter > 0)
            {
                context.Response.Headers.RetryAfter = fault.RetryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsync("{\"error\":{\"type\":\"injected\",\"reason\":\"fault injection\"},\"status\":" + fault.Status + "}");
            return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new List<object>();
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            using var action = JsonDocument.Parse(lines[i]);
            var create = action.RootElement.GetProperty("create");
            var index = create.GetProperty("_index").GetString()!;
            var id = create.GetProperty("_id").GetString()!;
            JsonDocument.Parse(lines[i + 1]).Dispose();
            if (Interlocked.Decrement(ref _rejectItems) >= 0)
            {
                items.Add(new { create = new { _index = index, _id = id, status = 400, error = new { type = "document_parsing_exception", reason = "injected mapping failure" } } });
                continue;
            }

            Interlocked.Exchange(ref _rejectItems, 0);
            var added = Documents.TryAdd((index, id), lines[i + 1]);
            items.Add(added
                ? new { create = new { _index = index, _id = id, status = 201, result = "created" } }
                : (object)new { create = new { _index = index, _id = id, status = 409, error = new { type = "version_conflict_engine_exception", reason = "document already exists" } } });
        }

        await context.Response.WriteAsJsonAsync(new { took = 1, errors = false, items });
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
