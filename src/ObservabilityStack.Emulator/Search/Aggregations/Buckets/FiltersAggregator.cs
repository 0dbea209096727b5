using System.Text.Json;
using ObservabilityStack.Emulator.Search.Queries;

namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary><c>filters</c>: one bucket per named (keyed) or listed (anonymous) query, plus an optional other bucket.</summary>
internal sealed class FiltersAggregator : Aggregator
{
    private readonly (string? Name, Query Query)[] _filters;
    private readonly bool _keyed;
    private readonly string? _otherKey;
    private readonly Bucket[] _buckets;
    private readonly Bucket? _other;

    public FiltersAggregator(AggregationDefinition definition, QueryParser queries)
        : base(definition)
    {
        var body = definition.Body;
        var filters = body.TryGetProperty("filters", out var f) ? f : throw EmulatorException.Parsing($"[filters] cannot be empty.");
        _keyed = filters.ValueKind == JsonValueKind.Object;
        _filters = _keyed
            ? [.. filters.EnumerateObject().Select(p => ((string?)p.Name, queries.Parse(p.Value))).OrderBy(x => x.Item1, StringComparer.Ordinal)]
            : [.. filters.EnumerateArray().Select(q => ((string?)null, queries.Parse(q)))];
        if (body.TryGetProperty("keyed", out var keyed) && keyed.ValueKind == JsonValueKind.False)
        {
            _keyed = false;
        }

        var otherBucket = body.TryGetProperty("other_bucket", out var ob) && ob.ValueKind == JsonValueKind.True;
        _otherKey = body.TryGetProperty("other_bucket_key", out var ok) ? ok.GetString() : otherBucket ? "_other_" : null;
        (_buckets, _other) = NewBuckets();
    }

    private FiltersAggregator(FiltersAggregator prototype)
        : base(prototype.Definition)
    {
        _filters = prototype._filters;
        _keyed = prototype._keyed;
        _otherKey = prototype._otherKey;
        (_buckets, _other) = NewBuckets();
    }

    /// <inheritdoc/>
    public override Aggregator Fresh() => new FiltersAggregator(this);

    /// <inheritdoc/>
    public override void Collect(DocContext doc)
    {
        var any = false;
        for (var i = 0; i < _filters.Length; i++)
        {
            if (_filters[i].Query.Matches(doc, out _))
            {
                any = true;
                _buckets[i].DocCount++;
                _buckets[i].Subs.Collect(doc);
            }
        }

        if (!any && _other is not null)
        {
            _other.DocCount++;
            _other.Subs.Collect(doc);
        }
    }

    /// <inheritdoc/>
    protected override void WriteBody(Utf8JsonWriter writer, AggregationContext context)
    {
        var all = _other is null ? _buckets : [.. _buckets, _other];
        BucketsWriter.Start(writer, _keyed);

        foreach (var bucket in all)
        {
            if (_keyed)
            {
                writer.WritePropertyName(bucket.Text ?? string.Empty);
            }

            writer.WriteStartObject();
            if (!_keyed && bucket.Text is not null && _filters.Any(x => x.Name is not null) || (!_keyed && ReferenceEquals(bucket, _other)))
            {
                writer.WriteString("key", bucket.Text);
            }

            writer.WriteNumber("doc_count", bucket.DocCount);
            bucket.Subs.WriteProperties(writer, context);
            writer.WriteEndObject();
        }

        BucketsWriter.End(writer, _keyed);
    }

    private (Bucket[], Bucket?) NewBuckets() => (
        [.. _filters.Select(f => new Bucket(0, f.Name, AggregatorSet.Create(Definition.SubAggregations)))],
        _otherKey is null ? null : new Bucket(0, _otherKey, AggregatorSet.Create(Definition.SubAggregations)));
}
