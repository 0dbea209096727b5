namespace ObservabilityStack.Samples.Common.Traffic;

/// <summary>How hard and how badly the traffic generator drives the shop.</summary>
public sealed class TrafficOptions
{
    /// <summary>Requests per second against the shop's order API. Default 2.</summary>
    public double Rate { get; set; } = 2;

    /// <summary>Share of requests that are deliberately wrong (invalid order, unknown order id): 4xx answers. Default 0.05.</summary>
    public double ClientErrorRate { get; set; } = 0.05;

    /// <summary>
    /// Every this often, one kind of misbehaviour in turn (a burst of 5xx answers, a request flood, an exception);
    /// null (the default) never misbehaves.
    /// </summary>
    public TimeSpan? ChaosInterval { get; set; }

    /// <summary>Requests in flight at most; a slow shop lowers the rate rather than piling requests up. Default 8.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Seed of the random choices; null picks one. Default null.</summary>
    public int? Seed { get; set; }

    /// <summary>Clock of the request schedule; tests may pass their own. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Told about each chaos action as it starts (for a console line); default none.</summary>
    public Action<string>? OnChaos { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> with the setting's name when a value is out of range.</summary>
    public void Validate()
    {
        if (!(Rate > 0 && Rate <= 10_000))
        {
            throw new ArgumentException($"Rate must be above 0 and at most 10000 requests/s, not {Rate}.", nameof(Rate));
        }

        if (!(ClientErrorRate is >= 0 and <= 1))
        {
            throw new ArgumentException($"ClientErrorRate must be between 0 and 1, not {ClientErrorRate}.", nameof(ClientErrorRate));
        }

        if (ChaosInterval is { } chaos && chaos <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ChaosInterval must be positive, not {chaos}.", nameof(ChaosInterval));
        }

        if (MaxConcurrency < 1)
        {
            throw new ArgumentException($"MaxConcurrency must be at least 1, not {MaxConcurrency}.", nameof(MaxConcurrency));
        }
    }
}
