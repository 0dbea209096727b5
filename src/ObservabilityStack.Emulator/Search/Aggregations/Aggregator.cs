using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.Aggregations;

/// <summary>
/// One aggregation instance collecting documents. The parser builds prototypes; bucket aggregations call
/// <see cref="Fresh"/> to get an empty copy per bucket, so configuration is shared and only state is per bucket.
/// </summary>
internal abstract class Aggregator(AggregationDefinition definition)
{
    /// <summary>The aggregation's name, type, meta and sub-aggregation prototypes.</summary>
    public AggregationDefinition Definition { get; } = definition;

    /// <summary>The aggregation's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The prefix used by <c>typed_keys</c> (e.g. <c>sterms</c>, <c>date_histogram</c>).</summary>
    public virtual string TypedPrefix => Definition.Type;

    /// <summary>Adds the current document.</summary>
    public abstract void Collect(DocContext doc);

    /// <summary>An empty aggregator with the same configuration.</summary>
    public abstract Aggregator Fresh();

    /// <summary>Rejects fields this aggregation cannot use in <paramref name="shard"/> (text for terms, keyword for avg...).</summary>
    public virtual void Validate(ISearchShard shard)
    {
        foreach (var sub in Definition.SubAggregations)
        {
            sub.Validate(shard);
        }
    }

    /// <summary>The value used to order parent buckets by this aggregation (<c>metric</c> picks one of several).</summary>
    public virtual double OrderValue(string? metric) =>
        throw EmulatorException.IllegalArgument($"Buckets can only be sorted on a sub-aggregator path that is built out of zero or more single-bucket aggregations within the path and a final single-bucket or a metrics aggregation at the path end. [{Name}] is not one.");

    /// <summary>The sub-aggregations of a single-bucket aggregation (filter, missing, global), for order paths.</summary>
    public virtual AggregatorSet? SingleBucket => null;

    /// <summary>Writes <c>{...}</c> for this aggregation.</summary>
    public void Write(Utf8JsonWriter writer, AggregationContext context)
    {
        writer.WriteStartObject();
        if (Definition.Meta is { } meta)
        {
            writer.WritePropertyName("meta");
            meta.WriteTo(writer);
        }

        WriteBody(writer, context);
        writer.WriteEndObject();
    }

    /// <summary>Writes the aggregation's own properties.</summary>
    protected abstract void WriteBody(Utf8JsonWriter writer, AggregationContext context);
}
