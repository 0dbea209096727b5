using System.Net.Http.Headers;
using ObservabilityStack.Elasticsearch.Transport;
using ObservabilityStack.Serilog.Sinks.Core;

namespace ObservabilityStack.Serilog.Sinks.Gateway;

/// <summary>Sends batches as NDJSON to <c>POST {gateway}/v1/logs</c> with <c>Authorization: ApiKey</c>.</summary>
internal sealed class GatewayTransport : IBatchTransport
{
    private readonly GatewaySinkOptions _options;
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    // Bodies are reused (several batches may be in flight, each takes one); a few MiB each, so worth keeping.
    private readonly System.Collections.Concurrent.ConcurrentBag<MemoryStream> _bodies = [];

    public GatewayTransport(GatewaySinkOptions options)
    {
        _options = options;
        _http = new HttpClient(TrustingHttpHandler.Create(options.CaCertificatePath))
        {
            Timeout = options.RequestTimeout,
        };
        _endpoint = new Uri(options.Url, "v1/logs");
    }

    public async Task<TransportResult> SendAsync(IReadOnlyList<LogRecord> batch, CancellationToken cancellationToken)
    {
        var body = _bodies.TryTake(out var reused) ? reused : new MemoryStream();
        body.SetLength(0);
        foreach (var record in batch)
        {
            body.Write(record.Json);
            body.WriteByte((byte)'\n');
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Content = HttpOutcomes.Content(body.GetBuffer().AsSpan(0, (int)body.Length), _options.Compress, "application/x-ndjson");
        _bodies.Add(body);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", _options.ApiKey);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        return status is >= 200 and < 300
            ? GatewayResponseReader.Read(answer, batch.Count)
            : HttpOutcomes.ForFailedStatus(status, answer, HttpOutcomes.RetryAfter(response.Headers.RetryAfter, _options.TimeProvider));
    }

    public void Dispose()
    {
        _http.Dispose();
        while (_bodies.TryTake(out var body))
        {
            body.Dispose();
        }
    }
}
