namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>Exponential backoff with jitter, capped; a server's <c>Retry-After</c> wins (up to five minutes).</summary>
internal static class Backoff
{
    private static readonly TimeSpan RetryAfterCap = TimeSpan.FromMinutes(5);

    public static TimeSpan Delay(int attempt, TimeSpan min, TimeSpan max, TimeSpan? retryAfter)
    {
        if (retryAfter is { } serverSays && serverSays > TimeSpan.Zero)
        {
            return serverSays < RetryAfterCap ? serverSays : RetryAfterCap;
        }

        var exponent = Math.Min(attempt - 1, 20);
        var ticks = Math.Min(max.Ticks, min.Ticks * (1L << exponent));

        // ±20% jitter so many instances recovering from one outage do not retry in lockstep.
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromTicks((long)(ticks * jitter));
    }
}
