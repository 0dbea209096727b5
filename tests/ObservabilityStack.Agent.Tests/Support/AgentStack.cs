using System.Text.Json;
using ObservabilityStack.Agent.Configuration;
using ObservabilityStack.Emulator;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Agent.Tests.Support;

/// <summary>A real emulator and a real gateway in front of it, with a key for the <c>mail-server</c> service.</summary>
internal sealed class AgentStack : IAsyncDisposable
{
    private AgentStack(EmulatorHost emulator, GatewayHost gateway, GatewayOptions options, string key, TempDirectory directory)
    {
        Emulator = emulator;
        Gateway = gateway;
        GatewayOptions = options;
        Key = key;
        Directory = directory;
    }

    public EmulatorHost Emulator { get; }

    public GatewayHost Gateway { get; private set; }

    public GatewayOptions GatewayOptions { get; }

    public string Key { get; }

    public TempDirectory Directory { get; }

    /// <summary>The CA file that signed the gateway's certificate when it serves HTTPS; otherwise null.</summary>
    public string? CaFile { get; private init; }

    /// <summary>Starts both; with <paramref name="https"/> the gateway serves HTTPS with a certificate from a private test CA.</summary>
    public static async Task<AgentStack> StartAsync(bool https = false)
    {
        var directory = new TempDirectory();
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        var options = new GatewayOptions
        {
            Urls = https ? "https://127.0.0.1:0" : "http://127.0.0.1:0",
            DataDirectory = directory.File("gateway"),
            LogToConsole = false,
            Elasticsearch = { Url = emulator.Url.ToString() },
            Delivery = { InitialBackoffMilliseconds = 20, MaxBackoffMilliseconds = 200, LingerMilliseconds = 5 },
        };
        string? caFile = null;
        if (https)
        {
            using var ca = TestCertificates.CreateCa("obs agent test CA");
            using var server = TestCertificates.CreateServer(ca);
            System.IO.Directory.CreateDirectory(directory.File("tls"));
            var (certificate, privateKey) = TestCertificates.WritePemPair(server, directory.File("tls"));
            options.ConfigOverrides["Kestrel:Certificates:Default:Path"] = certificate;
            options.ConfigOverrides["Kestrel:Certificates:Default:KeyPath"] = privateKey;
            caFile = directory.File("tls/ca.crt");
            await File.WriteAllTextAsync(caFile, ca.ExportCertificatePem());
        }

        var key = ApiKeys.Create(options.ResolveKeysFile(), "mail-server", ["production"], false, [], DateTimeOffset.UtcNow).Key;
        var gateway = await GatewayHost.StartAsync(options);
        return new AgentStack(emulator, gateway, options, key, directory) { CaFile = caFile };
    }

    public AgentOptions Agent(string file, Action<AgentOptionsBuilder>? configure = null)
    {
        var builder = new AgentOptionsBuilder
        {
            Options = new AgentOptions
            {
                Source = "mx1",
                Files = [file],
                GatewayUrl = Gateway.Url,
                ApiKey = Key,
                StateFile = Directory.File("agent/state.json"),
                DeadLetterFile = Directory.File("agent/dead-letter.ndjson"),
                BatchSize = 100,
                BatchInterval = TimeSpan.FromMilliseconds(50),
                RetryDelay = TimeSpan.FromMilliseconds(50),
                MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            },
        };
        configure?.Invoke(builder);
        return builder.Options;
    }

    /// <summary>Stops the gateway (its port closes) and later starts it again on the same address and data.</summary>
    public async Task StopGatewayAsync() => await Gateway.DisposeAsync();

    public async Task RestartGatewayAsync(Uri url)
    {
        GatewayOptions.Urls = url.ToString().TrimEnd('/');
        Gateway = await GatewayHost.StartAsync(GatewayOptions);
    }

    /// <summary>Every document in the mail-server stream, by id (refreshes first).</summary>
    public async Task<Dictionary<string, JsonElement>> DocumentsAsync()
    {
        using var http = new HttpClient { BaseAddress = Emulator.Url };
        await http.PostAsync("/_refresh", null);
        var response = await http.PostAsync("/logs-mail_server-production/_search?size=10000",
            new StringContent("""{"query":{"match_all":{}}}""", System.Text.Encoding.UTF8, "application/json"));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return [];
        }

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("hits").GetProperty("hits").EnumerateArray()
            .ToDictionary(h => h.GetProperty("_id").GetString()!, h => h.GetProperty("_source").Clone());
    }

    /// <summary>Waits until the stream holds <paramref name="count"/> documents (or fails after a minute).</summary>
    public async Task<Dictionary<string, JsonElement>> WaitForDocumentsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var docs = await DocumentsAsync();
            if (docs.Count >= count || DateTime.UtcNow > deadline)
            {
                return docs;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Emulator.DisposeAsync();
        Directory.Dispose();
    }
}
