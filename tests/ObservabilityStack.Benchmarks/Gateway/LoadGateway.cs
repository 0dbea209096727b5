using Microsoft.Extensions.DependencyInjection;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Auth;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// The gateway a load run sends to, hosted in this process with its diagnostics and the baseline endpoint on.
/// Delivery is left out (nothing listens at the Elasticsearch URL, so the forwarder only backs off) unless an
/// Elasticsearch (the emulator of <c>--deliver</c>) is given.
/// </summary>
internal sealed class LoadGateway : IAsyncDisposable
{
    private readonly string _directory;
    private readonly GatewayHost _host;

    private LoadGateway(string directory, GatewayHost host, string key)
    {
        _directory = directory;
        _host = host;
        Key = key;
        Diagnostics = new GatewayDiagnostics(host.Services.GetRequiredService<GatewayRuntime>());
    }

    public Uri Url => _host.Url;

    public string Key { get; }

    public GatewayDiagnostics Diagnostics { get; }

    public static async Task<LoadGateway> StartAsync(bool fsync, Uri? elasticsearch, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "obs-gw-load-" + Guid.NewGuid().ToString("N"));
        var options = new GatewayOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = directory,
            LogToConsole = false,
            EnableBaselineEndpoint = true,
            Elasticsearch = { Url = elasticsearch?.ToString() ?? "http://127.0.0.1:9" },
            RateLimits = { RequestsPerSecondPerKey = 0 },
            Wal = { MaxBytes = 64L * 1024 * 1024 * 1024, Fsync = fsync },
        };
        if (elasticsearch is null)
        {
            options.Delivery.InitialBackoffMilliseconds = 5000;
            options.Delivery.MaxBackoffMilliseconds = 60_000;
        }

        var (_, key) = ApiKeys.Create(options.ResolveKeysFile(), "shop-api", ["production"], false, [], DateTimeOffset.UtcNow);
        var host = await GatewayHost.StartAsync(options, cancellationToken);
        return new LoadGateway(directory, host, key);
    }

    public async ValueTask DisposeAsync()
    {
        Diagnostics.Dispose();
        await _host.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
