using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace ObservabilityStack.Gateway.Auth;

/// <summary>Token buckets per partition (API key id, or client IP for browsers), replaced when the configured rate changes.</summary>
internal sealed class RateLimiters : IDisposable
{
    private readonly ConcurrentDictionary<string, (int Rate, int Burst, TokenBucketRateLimiter Limiter)> _limiters = new(StringComparer.Ordinal);

    /// <summary>Takes one permit; false means answer 429. A rate of 0 disables limiting.</summary>
    public bool TryAcquire(string partition, int perSecond, int burst)
    {
        if (perSecond <= 0)
        {
            return true;
        }

        var entry = _limiters.GetOrAdd(partition, _ => (perSecond, burst, Create(perSecond, burst)));
        if (entry.Rate != perSecond || entry.Burst != burst)
        {
            var fresh = (perSecond, burst, Create(perSecond, burst));
            _limiters[partition] = fresh;
            entry.Limiter.Dispose();
            entry = fresh;
        }

        using var lease = entry.Limiter.AttemptAcquire(1);
        return lease.IsAcquired;
    }

    private static TokenBucketRateLimiter Create(int perSecond, int burst) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(burst, 1),
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var entry in _limiters.Values)
        {
            entry.Limiter.Dispose();
        }
    }
}
