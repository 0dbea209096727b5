namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary>How a histogram maps values to bucket keys.</summary>
internal interface IHistogramRounding
{
    /// <summary>The key of the bucket holding <paramref name="value"/>.</summary>
    double Round(double value);

    /// <summary>The key of the bucket after <paramref name="key"/>.</summary>
    double Next(double key);
}
