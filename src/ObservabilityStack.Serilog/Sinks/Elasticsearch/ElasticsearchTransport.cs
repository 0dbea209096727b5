using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Elasticsearch.Bulk;
using ObservabilityStack.Elasticsearch.Transport;
using ObservabilityStack.Serilog.Sinks.Core;

namespace ObservabilityStack.Serilog.Sinks.Elasticsearch;

/// <summary>
/// Sends batches through the typed client's <see cref="ElasticsearchClient.BulkAsync"/> as <c>create</c> actions with
/// <c>_id</c> = event id (a retried batch never duplicates; 409 means an earlier attempt got through). The client's own
/// retries are off: the sink's deliverer retries per item, with its backoff and the server's <c>Retry-After</c>.
/// Thread-safe: several batches may be in flight.
/// </summary>
internal sealed class ElasticsearchTransport : IBatchTransport
{
    private readonly ElasticsearchSinkOptions _options;
    private readonly HttpClient _http;
    private readonly ElasticsearchClient _client;

    public ElasticsearchTransport(ElasticsearchSinkOptions options)
    {
        _options = options;
        HttpMessageHandler handler = new RetryAfterCaptureHandler(TrustingHttpHandler.Create(options.CaCertificatePath));
        if (options.Compress)
        {
            handler = new GzipRequestHandler(handler);
        }

        _http = new HttpClient(handler);
        _client = new ElasticsearchClient(ClientOptions(options), _http, options.TimeProvider);
    }

    /// <summary>The typed client's options for this sink (also used to provision templates and ILM).</summary>
    public static ElasticsearchClientOptions ClientOptions(ElasticsearchSinkOptions options) => new()
    {
        Url = options.Url,
        ApiKey = options.ApiKey,
        Username = options.Username,
        Password = options.Password,
        CaCertificatePath = options.CaCertificatePath,
        RequestTimeout = options.RequestTimeout,
        MaxRetries = 0,
    };

    /// <summary>The client, for start-up work such as provisioning.</summary>
    public ElasticsearchClient Client => _client;

    public async Task<TransportResult> SendAsync(IReadOnlyList<LogRecord> batch, CancellationToken cancellationToken)
    {
        var operations = new BulkOperation[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            operations[i] = BulkOperation.Create(batch[i].Index, batch[i].Id, batch[i].Json);
        }

        var retryAfter = RetryAfterCaptureHandler.Capture();
        BulkResponse response;
        try
        {
            response = await _client.BulkAsync(operations, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ElasticsearchException ex) when (ex.Status is { } status)
        {
            var reason = $"HTTP {(int)status}: {ex.ErrorType}: {ex.Reason ?? ex.Message}";
            var delay = HttpOutcomes.RetryAfter(retryAfter.Value, _options.TimeProvider);
            return HttpOutcomes.IsRetryable((int)status) ? TransportResult.RetryAll(reason, delay) : TransportResult.RejectAll(reason);
        }
        catch (ElasticsearchException ex)
        {
            return TransportResult.RetryAll(ex.Message);
        }

        return Read(response, batch.Count);
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    private static TransportResult Read(BulkResponse response, int expected)
    {
        if (response.Items.Count != expected)
        {
            return TransportResult.RetryAll($"bulk answer with {response.Items.Count} items for {expected} actions");
        }

        var outcomes = new ItemOutcome[expected];
        for (var i = 0; i < expected; i++)
        {
            var item = response.Items[i];
            outcomes[i] = item.IsSuccess || item.IsConflict ? ItemOutcome.Delivered
                : new ItemOutcome(item.IsRetryable ? ItemOutcomeKind.Retry : ItemOutcomeKind.Reject,
                    $"status {item.Status}: {item.ErrorType}: {item.ErrorReason}");
        }

        return TransportResult.PerItem(outcomes);
    }
}
