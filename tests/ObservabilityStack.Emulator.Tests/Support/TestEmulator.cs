using System.Text;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Tests.Support;

/// <summary>A real emulator on a free port plus a small HTTP helper that returns parsed answers.</summary>
public sealed class TestEmulator : IAsyncDisposable
{
    private readonly HttpClient _http;

    private TestEmulator(EmulatorHost host)
    {
        Host = host;
        _http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public EmulatorHost Host { get; }

    public static async Task<TestEmulator> StartAsync(EmulatorOptions? options = null)
    {
        options ??= new EmulatorOptions();
        options.Port = 0;
        return new TestEmulator(await EmulatorHost.StartAsync(options));
    }

    public Task<EsAnswer> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<EsAnswer> HeadAsync(string path) => SendAsync(HttpMethod.Head, path);

    public Task<EsAnswer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public Task<EsAnswer> PutAsync(string path, object? body = null) => SendAsync(HttpMethod.Put, path, body);

    public Task<EsAnswer> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    /// <summary>Sends a bulk body given as NDJSON lines (each an object or raw JSON string).</summary>
    public Task<EsAnswer> BulkAsync(string path, params object[] lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line as string ?? Serialize(line)).Append('\n');
        }

        return SendRawAsync(HttpMethod.Post, path, text.ToString(), "application/x-ndjson");
    }

    public Task<EsAnswer> SendAsync(HttpMethod method, string path, object? body = null) =>
        SendRawAsync(method, path, body is null ? null : body as string ?? Serialize(body), "application/json");

    public async Task<EsAnswer> SendRawAsync(HttpMethod method, string path, string? body, string contentType,
        string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await _http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        var json = string.IsNullOrWhiteSpace(raw) ? null : JsonNode.Parse(raw);
        return new EsAnswer(response.StatusCode, json, raw, response.Headers, response.Content.Headers.ContentType?.ToString());
    }

    private static string Serialize(object value) => value switch
    {
        JsonNode node => node.ToJsonString(),
        _ => System.Text.Json.JsonSerializer.Serialize(value),
    };

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
    }
}
