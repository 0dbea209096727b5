using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Serilog.Sinks.Core;

namespace ObservabilityStack.Serilog.Sinks.Elasticsearch;

/// <summary>Sends batches to <c>POST /_bulk</c> through <see cref="ElasticsearchClient"/>.</summary>
internal sealed class ElasticsearchTransport : IBatchTransport
{
    private readonly ElasticsearchSinkOptions _options;
    private readonly RetryAfterCaptureHandler _handler = new();
    private readonly HttpClient _http;
    private readonly ElasticsearchClient _client;
    private readonly BulkRequestWriter _writer = new();

    public ElasticsearchTransport(ElasticsearchSinkOptions options)
    {
        _options = options;
        _http = new HttpClient(_handler);
        _client = new ElasticsearchClient(new ElasticsearchClientOptions
        {
            Url = options.Url,
            ApiKey = options.ApiKey,
            Username = options.Username,
            Password = options.Password,
            RequestTimeout = options.RequestTimeout,
        }, _http);
    }

    public async Task<TransportResult> SendAsync(IReadOnlyList<LogRecord> batch, CancellationToken cancellationToken)
    {
        using var content = HttpOutcomes.Content(_writer.Write(batch), _options.Compress, "application/x-ndjson");
        var response = await _client.SendAsync(HttpMethod.Post, "/_bulk", content, "application/x-ndjson", cancellationToken)
            .ConfigureAwait(false);
        var status = (int)response.StatusCode;
        return response.IsSuccess
            ? BulkResponseReader.Read(response.Body, batch.Count)
            : HttpOutcomes.ForFailedStatus(status, response.Body.Span,
                HttpOutcomes.RetryAfter(_handler.LastRetryAfter, _options.TimeProvider));
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }
}
