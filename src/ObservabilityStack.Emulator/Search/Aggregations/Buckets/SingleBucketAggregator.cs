using System.Text.Json;
using ObservabilityStack.Emulator.Search.Queries;

namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary>
/// <c>filter</c> (documents matching a query), <c>missing</c> (documents without the field) and <c>global</c>
/// (every document, ignoring the query): one bucket with a doc_count and sub-aggregations.
/// </summary>
internal sealed class SingleBucketAggregator : Aggregator
{
    private readonly Query? _filter;
    private readonly ValuesSource? _missing;
    private readonly AggregatorSet _subs;
    private long _docCount;

    public SingleBucketAggregator(AggregationDefinition definition, QueryParser queries)
        : base(definition)
    {
        switch (definition.Type)
        {
            case "filter":
                _filter = queries.Parse(definition.Body);
                break;
            case "missing":
                _missing = new ValuesSource(definition);
                break;
        }

        _subs = AggregatorSet.Create(definition.SubAggregations);
    }

    private SingleBucketAggregator(SingleBucketAggregator prototype)
        : base(prototype.Definition)
    {
        _filter = prototype._filter;
        _missing = prototype._missing;
        _subs = AggregatorSet.Create(Definition.SubAggregations);
    }

    /// <summary>True for <c>global</c>, which the executor feeds with every document.</summary>
    public bool IsGlobal => Definition.Type == "global";

    /// <inheritdoc/>
    public override AggregatorSet? SingleBucket => _subs;

    /// <inheritdoc/>
    public override Aggregator Fresh() => new SingleBucketAggregator(this);

    /// <inheritdoc/>
    public override void Collect(DocContext doc)
    {
        if (IsGlobal || (_filter is not null && !_filter.Matches(doc, out _)) || (_missing is not null && _missing.Field!.Exists(doc)))
        {
            return;
        }

        CollectInBucket(doc);
    }

    /// <summary>Adds a document to the bucket unconditionally (used for global).</summary>
    public void CollectInBucket(DocContext doc)
    {
        _docCount++;
        _subs.Collect(doc);
    }

    /// <inheritdoc/>
    public override double OrderValue(string? metric) => _docCount;

    /// <inheritdoc/>
    protected override void WriteBody(Utf8JsonWriter writer, AggregationContext context)
    {
        if (IsGlobal)
        {
            context.ForEachDocument(CollectInBucket);
        }

        writer.WriteNumber("doc_count", _docCount);
        _subs.WriteProperties(writer, context);
    }
}
