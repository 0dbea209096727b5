using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Emulator;

namespace ObservabilityStack.Cli.Tests.Support;

/// <summary>
/// The cluster a test talks to: a fresh emulator on a free port, or the real cluster named by
/// <c>OBS_TEST_ELASTICSEARCH_URL</c> (credentials from <c>OBS_TEST_ELASTICSEARCH_API_KEY</c>).
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private readonly EmulatorHost? _emulator;

    private TestCluster(Uri url, EmulatorHost? emulator, string? apiKey)
    {
        Url = url;
        _emulator = emulator;
        ApiKey = apiKey;
        Client = new ElasticsearchClient(new ElasticsearchClientOptions { Url = url, ApiKey = apiKey });
    }

    public Uri Url { get; }

    public string? ApiKey { get; }

    public ElasticsearchClient Client { get; }

    public bool IsEmulator => _emulator is not null;

    public static async Task<TestCluster> StartAsync(EmulatorOptions? options = null)
    {
        var real = Environment.GetEnvironmentVariable("OBS_TEST_ELASTICSEARCH_URL");
        if (!string.IsNullOrEmpty(real) && options?.Clock is null)
        {
            return new TestCluster(new Uri(real), null, Environment.GetEnvironmentVariable("OBS_TEST_ELASTICSEARCH_API_KEY"));
        }

        options ??= new EmulatorOptions();
        options.Port = 0;
        var emulator = await EmulatorHost.StartAsync(options);
        return new TestCluster(emulator.Url, emulator, null);
    }

    /// <summary>CLI arguments that point a command at this cluster.</summary>
    public string[] Args => ApiKey is null ? ["--elasticsearch", Url.ToString()] : ["--elasticsearch", Url.ToString(), "--api-key", ApiKey];

    public async Task<string> GetAsync(string path)
    {
        var response = await Client.SendAsync(HttpMethod.Get, path);
        return $"{(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(response.Body.Span)}";
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
