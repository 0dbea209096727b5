using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Emulator;

namespace ObservabilityStack.Gateway.Tests.Support;

/// <summary>
/// The Elasticsearch emulator as the gateway's delivery target, read back over its REST API. Faults come from
/// its own injection (<c>/_emulator/faults</c>); an outage is a port that nothing listens on until
/// <see cref="StartAsync"/> brings the emulator up there.
/// </summary>
public sealed class TestElasticsearch : IAsyncDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "obs-gw-es-" + Guid.NewGuid().ToString("N"));
    private EmulatorHost? _host;
    private HttpClient? _http;

    private TestElasticsearch(int port) => Url = new Uri($"http://127.0.0.1:{port}");

    /// <summary>Where the gateway sends bulk requests (answers only once started).</summary>
    public Uri Url { get; }

    /// <summary>A running emulator on a free port.</summary>
    public static async Task<TestElasticsearch> StartNewAsync()
    {
        var es = Reserve();
        await es.StartAsync();
        return es;
    }

    /// <summary>A free port with nothing listening yet: Elasticsearch is down.</summary>
    public static TestElasticsearch Reserve()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TestElasticsearch(port);
    }

    /// <summary>Starts the emulator on <see cref="Url"/>'s port (again after <see cref="StopAsync"/>, with the documents it had).</summary>
    public async Task StartAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = Url.Port, DataDirectory = _data });
        _http = new HttpClient { BaseAddress = _host.Url };
    }

    /// <summary>Stops the emulator: an outage until the next <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        _http?.Dispose();
        _http = null;
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host = null;
        }
    }

    private HttpClient Http => _http ?? throw new InvalidOperationException("The emulator is not running.");

    /// <summary>The next <paramref name="count"/> bulk requests are answered with <paramref name="status"/>.</summary>
    public Task FailBulkRequestsAsync(int status, int count) =>
        InjectAsync($"{{\"status\":{status},\"count\":{count},\"path\":\"/_bulk\",\"retry_after\":0}}");

    /// <summary>The next <paramref name="count"/> bulk items are refused as mapping failures.</summary>
    public Task RejectItemsAsync(int count) =>
        InjectAsync($"{{\"reject_items\":{count},\"status\":400,\"type\":\"document_parsing_exception\"}}");

    private async Task InjectAsync(string fault)
    {
        using var response = await Http.PostAsync("/_emulator/faults", new StringContent(fault, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Documents of a data stream by <c>_id</c> (source JSON); empty when the stream does not exist. Pages with
    /// <c>search_after</c> in index order, since one search returns at most 10,000 hits.
    /// </summary>
    public async Task<Dictionary<string, string>> DocumentsAsync(string stream)
    {
        await Http.PostAsync($"/{stream}/_refresh", null);
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = after is null ? "" : $",\"search_after\":{after}";
            using var response = await Http.PostAsync($"/{stream}/_search",
                new StringContent($"{{\"size\":10000,\"query\":{{\"match_all\":{{}}}},\"sort\":[\"_doc\"]{page}}}", Encoding.UTF8, "application/json"));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return documents;
            }

            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var hits = doc.RootElement.GetProperty("hits").GetProperty("hits");
            foreach (var hit in hits.EnumerateArray())
            {
                // A second copy of an id would be a duplicate delivery: keep the count honest by suffixing it.
                var id = hit.GetProperty("_id").GetString()!;
                documents[documents.ContainsKey(id) ? id + "#dup" + documents.Count.ToString(CultureInfo.InvariantCulture) : id] = hit.GetProperty("_source").GetRawText();
                after = hit.GetProperty("sort").GetRawText();
            }

            if (hits.GetArrayLength() < 10000)
            {
                return documents;
            }
        }
    }

    /// <summary>Number of documents in <paramref name="stream"/>, 0 when it does not exist.</summary>
    public async Task<int> CountAsync(string stream) => (await DocumentsAsync(stream)).Count;

    /// <summary>Waits (bounded) until <paramref name="stream"/> holds at least <paramref name="expected"/> documents; returns the count.</summary>
    public async Task<int> WaitForCountAsync(string stream, int expected, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        int count;
        while ((count = await CountAsync(stream)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return count;
    }

    /// <summary>A GET against the emulator (templates, ILM policies, data streams).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
