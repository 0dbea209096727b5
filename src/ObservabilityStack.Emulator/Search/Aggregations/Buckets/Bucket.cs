namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary>One bucket: its key (number or string), document count and sub-aggregations.</summary>
internal sealed class Bucket(double number, string? text, AggregatorSet subs)
{
    /// <summary>Numeric key (epoch millis for dates, 1/0 for booleans).</summary>
    public double Number { get; } = number;

    /// <summary>String key for keyword terms.</summary>
    public string? Text { get; } = text;

    /// <summary>Number of documents in the bucket.</summary>
    public long DocCount { get; set; }

    /// <summary>The bucket's sub-aggregations.</summary>
    public AggregatorSet Subs { get; } = subs;
}
