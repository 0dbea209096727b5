using System.Net;
using System.Net.Http.Headers;

namespace ObservabilityStack.Elasticsearch.Transport;

/// <summary>Which failures are retried, and how long to wait: exponential backoff with jitter, or <c>Retry-After</c>.</summary>
internal static class RetryBackoff
{
    /// <summary>
    /// 429 means Elasticsearch rejected the whole request before doing any work, so it is retried for every
    /// request; 502/503/504 may come after the work was done, so only idempotent requests retry them.
    /// </summary>
    public static bool IsRetryableStatus(HttpStatusCode status, bool idempotent) =>
        status == HttpStatusCode.TooManyRequests
        || (idempotent && status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout);

    /// <summary>
    /// Full-range exponential backoff: <c>base * 2^attempt</c> scaled by a jitter factor in [0.5, 1.0), capped;
    /// a server's <c>Retry-After</c> wins when it asks for longer (still capped).
    /// </summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan? retryAfter, double jitter)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var backoff = TimeSpan.FromMilliseconds(Math.Min(exponential, maxDelay.TotalMilliseconds) * (0.5 + (jitter / 2)));
        if (retryAfter is { } server && server > backoff)
        {
            backoff = server;
        }

        return backoff > maxDelay ? maxDelay : backoff;
    }

    /// <summary>Reads <c>Retry-After</c> as delta seconds or an HTTP date relative to <paramref name="now"/>.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
