using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Serilog.Tests.Support;

/// <summary>
/// Our real gateway (port 0, its own data directory) delivering to the Elasticsearch emulator (port 0), with a
/// server key for one service: what the sink talks to in production. Tests read what arrived from the emulator.
/// </summary>
internal sealed class RealGateway : IAsyncDisposable
{
    private readonly TempDirectory _data;
    private readonly Uri _elasticsearch;
    private readonly GatewayHost _gateway;
    private readonly EmulatorProbe _probe;
    private EmulatorHost? _emulator;

    private RealGateway(TempDirectory data, Uri elasticsearch, EmulatorHost? emulator, GatewayHost gateway, string key, GatewayOptions options)
    {
        _data = data;
        _elasticsearch = elasticsearch;
        _emulator = emulator;
        _gateway = gateway;
        Key = key;
        Options = options;
        _probe = new EmulatorProbe(elasticsearch);
    }

    public Uri Url => _gateway.Url;

    /// <summary>The server key: writes <c>service.name</c> = the service given at start, in the environment given.</summary>
    public string Key { get; }

    /// <summary>The gateway's options as started.</summary>
    public GatewayOptions Options { get; }

    /// <summary>
    /// Starts the emulator and the gateway. With <paramref name="elasticsearchDown"/> the emulator's port is only
    /// reserved (an outage: the gateway keeps what it accepts in its log) until <see cref="StartElasticsearchAsync"/>.
    /// </summary>
    public static async Task<RealGateway> StartAsync(string service, string environment, Action<GatewayOptions>? configure = null,
        bool elasticsearchDown = false)
    {
        var data = new TempDirectory();
        var emulator = elasticsearchDown ? null : await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        var elasticsearch = emulator?.Url ?? new Uri($"http://127.0.0.1:{FreePort()}");
        var options = new GatewayOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = data.File("gateway"),
            LogToConsole = false,
            Elasticsearch = { Url = elasticsearch.ToString() },
            Delivery = { InitialBackoffMilliseconds = 20, MaxBackoffMilliseconds = 200, LingerMilliseconds = 5 },
        };
        configure?.Invoke(options);
        var key = ApiKeys.Create(options.ResolveKeysFile(), service, [environment], false, [], DateTimeOffset.UtcNow).Key;
        return new RealGateway(data, elasticsearch, emulator, await GatewayHost.StartAsync(options), key, options);
    }

    /// <summary>Ends the outage: the emulator comes up on the reserved port and the gateway delivers its log.</summary>
    public async Task StartElasticsearchAsync() =>
        _emulator ??= await EmulatorHost.StartAsync(new EmulatorOptions { Port = _elasticsearch.Port });

    /// <summary>The gateway's <c>/metrics</c> counter <paramref name="name"/> (0 when absent).</summary>
    public async Task<long> CounterAsync(string name)
    {
        using var http = new HttpClient { BaseAddress = Url };
        return Counter(await http.GetStringAsync("/metrics"), name);
    }

    /// <summary>Every log document in the emulator (all <c>logs-*</c> streams), refreshed first.</summary>
    public Task<List<JsonObject>> DocumentsAsync() => _probe.DocumentsAsync("logs-*");

    /// <summary>Waits until the emulator holds at least <paramref name="count"/> log documents, and returns them.</summary>
    public async Task<List<JsonObject>> WaitForDocumentsAsync(int count, int seconds = 30)
    {
        List<JsonObject> documents = [];
        await Eventually.TrueAsync(async () => (documents = await DocumentsAsync()).Count >= count,
            $"{count} documents are in the emulator", seconds);
        return documents;
    }

    /// <summary>
    /// The documents once the gateway has delivered everything it accepted (for "exactly" and "none" assertions:
    /// a 202 means durable in the gateway's log, not yet in Elasticsearch).
    /// </summary>
    public async Task<List<JsonObject>> SettledDocumentsAsync(int seconds = 30)
    {
        using var http = new HttpClient { BaseAddress = Url };
        await Eventually.TrueAsync(async () =>
        {
            var metrics = await http.GetStringAsync("/metrics");
            return Counter(metrics, "obs_gateway_events_accepted_total") is var accepted and > 0
                && Counter(metrics, "obs_gateway_events_delivered_total") + Counter(metrics, "obs_gateway_events_deadlettered_total") >= accepted;
        }, "the gateway has delivered every event it accepted", seconds);
        return await DocumentsAsync();
    }

    /// <summary>Polls the emulator until a document matches.</summary>
    public async Task<JsonObject> DocumentAsync(Func<JsonObject, bool> match, string because, int seconds = 30)
    {
        JsonObject? found = null;
        await Eventually.TrueAsync(async () => (found = (await DocumentsAsync()).FirstOrDefault(match)) is not null, because, seconds);
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        _probe.Dispose();
        await _gateway.DisposeAsync();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        _data.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static long Counter(string metrics, string name) =>
        metrics.Split('\n').Where(l => l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => long.Parse(l[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)).SingleOrDefault();
}
