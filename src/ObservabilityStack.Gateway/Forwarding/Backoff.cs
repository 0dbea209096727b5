namespace ObservabilityStack.Gateway.Forwarding;

/// <summary>Exponential backoff with full jitter, honouring Elasticsearch's <c>Retry-After</c> when it sends one.</summary>
internal static class Backoff
{
    public static TimeSpan Delay(int attempt, DeliveryOptions options, TimeSpan? retryAfter = null)
    {
        var cap = Math.Min(options.MaxBackoffMilliseconds, options.InitialBackoffMilliseconds * Math.Pow(2, Math.Min(attempt, 20)));
        var jittered = (cap / 2) + (Random.Shared.NextDouble() * cap / 2);
        var delay = TimeSpan.FromMilliseconds(jittered);
        return retryAfter is { } ra && ra > delay ? ra : delay;
    }
}
