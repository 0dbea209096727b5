using System.Net.Http.Headers;
using ObservabilityStack.Gateway.Auth;

namespace ObservabilityStack.Gateway.Tests.Support;

/// <summary>A gateway on port 0 with its own temporary data directory and a server key for shop-api.</summary>
public sealed class TestGateway : IAsyncDisposable
{
    private TestGateway(GatewayHost host, string directory, string key, GatewayOptions options)
    {
        Host = host;
        Directory = directory;
        Key = key;
        Options = options;
        Http = new HttpClient { BaseAddress = host.Url };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
    }

    public GatewayHost Host { get; private set; }

    public string Directory { get; }

    public string Key { get; }

    public GatewayOptions Options { get; }

    public HttpClient Http { get; private set; }

    public static async Task<TestGateway> StartAsync(Action<GatewayOptions>? configure = null, Uri? elasticsearch = null, string? directory = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "obs-gw-" + Guid.NewGuid().ToString("N"));
        var options = new GatewayOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = directory,
            LogToConsole = false,
            Elasticsearch = { Url = (elasticsearch ?? new Uri("http://127.0.0.1:9")).ToString() },
            Delivery = { InitialBackoffMilliseconds = 20, MaxBackoffMilliseconds = 200, LingerMilliseconds = 5 },
        };
        configure?.Invoke(options);
        var keysFile = options.ResolveKeysFile();
        var existing = ApiKeys.Load(keysFile).Keys.Count;
        var key = existing == 0
            ? ApiKeys.Create(keysFile, "shop-api", ["production", "staging"], false, [], DateTimeOffset.UtcNow).Key
            : File.ReadAllText(Path.Combine(directory, "test-key"));
        File.WriteAllText(Path.Combine(directory, "test-key"), key);
        var host = await GatewayHost.StartAsync(options);
        return new TestGateway(host, directory, key, options);
    }

    public T Service<T>() where T : notnull => (T)Host.Services.GetService(typeof(T))!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
