using System.Globalization;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Elasticsearch.Documents;
using ObservabilityStack.Emulator;

namespace ObservabilityStack.Alerting.Tests.Support;

/// <summary>
/// A real emulator on a free port (or the cluster in OBS_TEST_ELASTICSEARCH_URL) with helpers that seed
/// ECS documents into per-service data streams.
/// </summary>
internal sealed class EmulatorFixture : IAsyncDisposable
{
    private EmulatorHost? _host;

    private EmulatorFixture(EmulatorHost? host, Uri url)
    {
        _host = host;
        Url = url;
        Client = new ElasticsearchClient(new ElasticsearchClientOptions { Url = url });
    }

    public Uri Url { get; }

    public ElasticsearchClient Client { get; }

    public static async Task<EmulatorFixture> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("OBS_TEST_ELASTICSEARCH_URL");
        if (!string.IsNullOrEmpty(external))
        {
            return new EmulatorFixture(null, new Uri(external));
        }

        var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        return new EmulatorFixture(host, host.Url);
    }

    /// <summary>One ECS document for a service at an instant.</summary>
    public static Dictionary<string, object?> Doc(string service, DateTimeOffset at, int? status = null, string? path = null,
        string? clientIp = null, string? errorType = null, string? message = null, string? action = null) => new()
    {
        ["@timestamp"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["service"] = new Dictionary<string, object?> { ["name"] = service, ["environment"] = "production" },
        ["log"] = new Dictionary<string, object?> { ["level"] = errorType is not null || status >= 500 ? "error" : "info" },
        ["message"] = message ?? (status is null ? "event" : $"HTTP GET {path ?? "/"} responded {status}"),
        ["http"] = status is null ? null : new Dictionary<string, object?> { ["response"] = new Dictionary<string, object?> { ["status_code"] = status } },
        ["url"] = path is null ? null : new Dictionary<string, object?> { ["path"] = path },
        ["client"] = clientIp is null ? null : new Dictionary<string, object?> { ["ip"] = clientIp },
        ["error"] = errorType is null ? null : new Dictionary<string, object?> { ["type"] = errorType, ["message"] = $"{errorType} happened" },
        ["event"] = action is null ? null : new Dictionary<string, object?> { ["action"] = action },
    };

    /// <summary>Bulk-creates documents (each into its service's data stream) and refreshes.</summary>
    public async Task SeedAsync(IEnumerable<Dictionary<string, object?>> docs)
    {
        var body = new StringBuilder();
        foreach (var doc in docs)
        {
            var service = (string)((Dictionary<string, object?>)doc["service"]!)["name"]!;
            var clean = doc.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
            body.Append("{\"create\":{\"_index\":\"").Append(DataStreamName.For(service, "production")).Append("\"}}\n")
                .Append(JsonSerializer.Serialize(clean)).Append('\n');
        }

        var response = await Client.SendAsync(HttpMethod.Post, "/_bulk?refresh=true", new StringContent(body.ToString(), Encoding.UTF8),
            "application/x-ndjson");
        var text = Encoding.UTF8.GetString(response.Body.Span);
        if (!response.IsSuccess || text.Contains("\"errors\":true", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Seeding failed: {(int)response.StatusCode} {text[..Math.Min(text.Length, 600)]}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host = null;
        }
    }
}
