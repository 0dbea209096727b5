namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary>The parsed, shared configuration of a terms aggregation.</summary>
internal sealed class TermsSettings
{
    public TermsSettings(AggregationDefinition definition)
    {
        Definition = definition;
        var body = definition.Body;
        Source = new ValuesSource(definition);
        Size = body.TryGetProperty("size", out var size) ? size.GetInt32() : 10;
        if (Size < 1)
        {
            throw EmulatorException.IllegalArgument($"[size] must be greater than 0. Found [{Size}] in [{definition.Name}]");
        }

        MinDocCount = body.TryGetProperty("min_doc_count", out var min) ? min.GetInt64() : 1;
        Order = BucketOrder.Parse(body, [("_count", true), ("_key", false)]);
        Order.Validate(definition.SubAggregations, definition.Name);
        Filter = new IncludeExclude(body, definition.Name);
        Format = body.TryGetProperty("format", out var format) ? format.GetString() : null;
        ShowTermDocCountError = body.TryGetProperty("show_term_doc_count_error", out var show) && show.GetBoolean();
    }

    public AggregationDefinition Definition { get; }

    public ValuesSource Source { get; }

    public int Size { get; }

    public long MinDocCount { get; }

    public BucketOrder Order { get; }

    public IncludeExclude Filter { get; }

    public string? Format { get; }

    public bool ShowTermDocCountError { get; }
}
