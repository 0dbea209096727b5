namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary>Fixed-width numeric buckets: <c>floor((v - offset) / interval) * interval + offset</c>.</summary>
internal sealed class NumericRounding(double interval, double offset) : IHistogramRounding
{
    /// <inheritdoc/>
    public double Round(double value) => (Math.Floor((value - offset) / interval) * interval) + offset;

    /// <inheritdoc/>
    public double Next(double key) => Round(key + interval);
}
