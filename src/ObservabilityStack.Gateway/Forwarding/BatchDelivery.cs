using System.Buffers;
using System.Net;
using System.Text;
using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Elasticsearch.Provisioning;
using ObservabilityStack.Gateway.Provisioning;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Forwarding;

/// <summary>
/// Delivers one batch until every event is confirmed (201, or 409: already there) or dead-lettered.
/// Whole-request failures (connection, 429, 5xx, any non-2xx) retry the batch with backoff; per-item 429
/// and 5xx retry just those items; other item errors are permanent and go to the dead-letter stream.
/// </summary>
internal sealed class BatchDelivery
{
    private readonly ElasticsearchClient _client;
    private readonly GatewayRuntime _runtime;
    private readonly StreamProvisioning _provisioning;

    public BatchDelivery(ElasticsearchClient client, GatewayRuntime runtime, StreamProvisioning provisioning)
    {
        _client = client;
        _runtime = runtime;
        _provisioning = provisioning;
    }

    public async Task DeliverAsync(WalBatch batch, CancellationToken cancellationToken)
    {
        await ProvisionAsync(ct => _provisioning.EnsureAsync(batch, ct), cancellationToken);
        var entries = batch.Entries;
        List<int> pending = [.. Enumerable.Range(0, entries.Count)];
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var attempt = 0;
        while (pending.Count > 0)
        {
            buffer.ResetWrittenCount();
            BulkBodyWriter.Write(buffer, entries, pending);
            var (status, results, retryAfter, reason) = await SendAsync(buffer.WrittenMemory, pending.Count, cancellationToken);
            if (results is null)
            {
                await RetryLaterAsync(status, reason, pending.Count, attempt++, retryAfter, cancellationToken);
                continue;
            }

            var retry = new List<int>();
            var now = _runtime.Clock.GetUtcNow().ToUnixTimeMilliseconds();
            var delivered = 0;
            for (var i = 0; i < results.Length; i++)
            {
                var item = results[i];
                var entry = entries[pending[i]];
                if (item.Status is >= 200 and < 300 or 409)
                {
                    delivered++;
                    if (item.Status == 409)
                    {
                        _runtime.Metrics.AddDuplicates(1);
                    }

                    _runtime.Metrics.DeliveryLatency.Observe((now - entry.IngestedUnixMs) / 1000.0);
                }
                else if (item.Status is 429 or >= 500)
                {
                    retry.Add(pending[i]);
                }
                else
                {
                    await DeadLetterAsync(entry, item, cancellationToken);
                }
            }

            _runtime.Metrics.AddDelivered(delivered);
            pending = retry;
            if (pending.Count > 0)
            {
                await RetryLaterAsync(429, "some items were refused for now", pending.Count, attempt++, retryAfter, cancellationToken);
            }
        }
    }

    // A first-seen stream is provisioned before its first bulk request; until that works the batch waits, as in an outage.
    private async Task ProvisionAsync(Func<CancellationToken, Task> ensure, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await ensure(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is ProvisioningException or ElasticsearchException or HttpRequestException or InvalidDataException ||
                                       ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var delay = Backoff.Delay(attempt, _runtime.Options.Delivery, null);
                _runtime.Metrics.AddProvisioningFailure();
                Log.ProvisioningRetry(_runtime.Logger, ex.Message, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, _runtime.Clock, cancellationToken);
            }
        }
    }

    private async Task<(int Status, BulkItemResult[]? Results, TimeSpan? RetryAfter, string Reason)> SendAsync(
        ReadOnlyMemory<byte> body, int count, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ReadOnlyMemoryContent(body);
            var response = await _client.SendAsync(HttpMethod.Post, "/_bulk", content, "application/x-ndjson", cancellationToken);
            var status = (int)response.StatusCode;
            if (!response.IsSuccess)
            {
                _runtime.Metrics.AddBulkRequest(failed: true);
                var text = Encoding.UTF8.GetString(response.Body.Span[..Math.Min(response.Body.Length, 300)]);
                return (status, null, status == (int)HttpStatusCode.TooManyRequests ? TimeSpan.FromSeconds(1) : null, text);
            }

            _runtime.Metrics.AddBulkRequest(failed: false);
            _runtime.Metrics.LastElasticsearchSuccessTicks = _runtime.Clock.GetTimestamp();
            var results = BulkResponseParser.Parse(response.Body, count);
            return (status, results, null, results is null ? "unreadable bulk answer" : string.Empty);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _runtime.Metrics.AddBulkRequest(failed: true);
            return (0, null, null, ex.Message);
        }
    }

    private async Task RetryLaterAsync(int status, string reason, int count, int attempt, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var delay = Backoff.Delay(attempt, _runtime.Options.Delivery, retryAfter);
        _runtime.Metrics.AddRetried(count);
        Log.BulkRetry(_runtime.Logger, status, reason, count, (int)delay.TotalMilliseconds);
        await Task.Delay(delay, _runtime.Clock, cancellationToken);
    }

    private async Task DeadLetterAsync(WalEntry entry, BulkItemResult failure, CancellationToken cancellationToken)
    {
        Log.DeadLettered(_runtime.Logger, entry.IdString, entry.IndexString, failure.ErrorType ?? "unknown", failure.Reason ?? string.Empty);
        await ProvisionAsync(ct => _provisioning.EnsureDeadLetterAsync(entry.IndexString, ct), cancellationToken);
        var buffer = new ArrayBufferWriter<byte>(entry.Document.Length + 1024);
        DeadLetterWriter.Write(buffer, entry, failure, _runtime.Clock.GetUtcNow());
        for (var attempt = 0; ; attempt++)
        {
            var (status, results, retryAfter, reason) = await SendAsync(buffer.WrittenMemory, 1, cancellationToken);
            var item = results?[0];
            if (item is { Status: >= 200 and < 300 or 409 })
            {
                _runtime.Metrics.AddDeadLettered(1);
                return;
            }

            if (item is { } refused && refused.Status is not (429 or >= 500))
            {
                _runtime.Metrics.AddDeadLetterFailed(1);
                Log.DeadLetterFailed(_runtime.Logger, entry.IdString, refused.Status, refused.Reason ?? string.Empty);
                return;
            }

            await RetryLaterAsync(item?.Status ?? status, item?.Reason ?? reason, 1, attempt, retryAfter, cancellationToken);
        }
    }
}
