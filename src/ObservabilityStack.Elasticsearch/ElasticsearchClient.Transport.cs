using System.Globalization;
using System.Net.Http.Headers;
using ObservabilityStack.Elasticsearch.Transport;

namespace ObservabilityStack.Elasticsearch;

/// <summary>The single send path: headers, per-attempt timeout, retries with backoff.</summary>
public sealed partial class ElasticsearchClient
{
    private string JsonMediaType => Options.CompatibilityVersion is { } version
        ? string.Create(CultureInfo.InvariantCulture, $"application/vnd.elasticsearch+json; compatible-with={version}")
        : "application/json";

    private string NdjsonMediaType => Options.CompatibilityVersion is { } version
        ? string.Create(CultureInfo.InvariantCulture, $"application/vnd.elasticsearch+x-ndjson; compatible-with={version}")
        : "application/x-ndjson";

    /// <summary>Maps a plain JSON/NDJSON type to the compatibility type when one is configured.</summary>
    private MediaTypeHeaderValue ContentTypeFor(string mediaType) => MediaTypeHeaderValue.Parse(mediaType switch
    {
        "application/json" => JsonMediaType,
        "application/x-ndjson" => NdjsonMediaType,
        _ => mediaType,
    });

    private ReadOnlyMemoryContent CreateContent(ReadOnlyMemory<byte> bytes, string mediaType)
    {
        var content = new ReadOnlyMemoryContent(bytes);
        content.Headers.ContentType = ContentTypeFor(mediaType);
        return content;
    }

    /// <summary>
    /// Sends with retries. <paramref name="content"/> creates a fresh body per attempt (HttpContent is single use).
    /// </summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="path">Path and query.</param>
    /// <param name="content">Body factory.</param>
    /// <param name="idempotent">Whether 5xx, timeouts and broken connections may be retried.</param>
    /// <param name="cancellationToken">Cancels the request and any backoff wait.</param>
    /// <param name="raw">
    /// One attempt, and HttpClient's own exceptions (HttpRequestException, TaskCanceledException) instead of
    /// <see cref="ElasticsearchException"/>: the contract of <see cref="SendAsync"/> that existing callers rely on.
    /// </param>
    internal async Task<ElasticsearchResponse> SendCoreAsync(HttpMethod method, string path, Func<HttpContent?> content,
        bool idempotent, CancellationToken cancellationToken, bool raw = false)
    {
        var maxRetries = raw ? 0 : Options.MaxRetries;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, _baseUrl + (path.StartsWith('/') ? path : "/" + path));
            request.Content = content();
            if (request.Content is { Headers.ContentType: null } body)
            {
                body.Headers.ContentType = ContentTypeFor("application/json");
            }

            request.Headers.Accept.Add(_accept);
            request.Headers.Authorization = _authorization;

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.RequestTimeout);
            string reason;
            int? status = null;
            TimeSpan? retryAfter = null;
            Exception failure;
            var retryable = false;
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                    .ConfigureAwait(false);
                var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
                var answer = new ElasticsearchResponse(response.StatusCode, bytes)
                {
                    ContentType = response.Content.Headers.ContentType?.MediaType,
                    ProductHeader = response.Headers.TryGetValues("X-Elastic-Product", out var product) ? product.FirstOrDefault() : null,
                    Retries = attempt,
                };
                if (attempt >= maxRetries || !RetryBackoff.IsRetryableStatus(response.StatusCode, idempotent))
                {
                    return answer;
                }

                status = (int)response.StatusCode;
                reason = $"{status} {response.StatusCode}";
                retryAfter = RetryBackoff.RetryAfter(response.Headers.RetryAfter, _time.GetUtcNow());
                OnRetryReport(attempt + 1, method, path, status, retryAfter, reason, out var delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (HttpRequestException) when (raw)
            {
                throw;
            }
            catch (HttpRequestException ex)
            {
                failure = ex;
                reason = ex.Message;

                // Refused/unresolvable connections never reached the server, so any request may retry them.
                retryable = idempotent || ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            }
            catch (OperationCanceledException) when (raw)
            {
                throw;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = ex;
                reason = $"no answer within {Options.RequestTimeout.TotalSeconds:0.###} s";
                retryable = idempotent;
            }

            if (!retryable || attempt >= maxRetries)
            {
                throw Unreachable(reason, failure, attempt);
            }

            OnRetryReport(attempt + 1, method, path, status, retryAfter, reason, out var wait);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnRetryReport(int retry, HttpMethod method, string path, int? status, TimeSpan? retryAfter, string reason,
        out TimeSpan delay)
    {
        delay = RetryBackoff.Delay(retry - 1, Options.RetryBaseDelay, Options.RetryMaxDelay, retryAfter, Random.Shared.NextDouble());
        Interlocked.Increment(ref _retryCount);
        OnRetry?.Invoke(new ElasticsearchRetry(retry, method.Method, path, status, delay, reason));
    }

    private ElasticsearchException Unreachable(string reason, Exception failure, int retries)
    {
        var after = retries == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (after {retries} retries)");
        return new ElasticsearchException($"cannot reach Elasticsearch at {Options.RedactedUrl}: {reason}{after}",
            status: null, errorType: null, reason: reason, failure);
    }
}
