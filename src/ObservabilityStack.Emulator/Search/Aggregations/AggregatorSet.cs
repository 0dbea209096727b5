using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.Aggregations;

/// <summary>The sibling aggregations at one level (top level or inside a bucket).</summary>
internal sealed class AggregatorSet
{
    private readonly Aggregator[] _items;

    private AggregatorSet(Aggregator[] items) => _items = items;

    /// <summary>No aggregations.</summary>
    public static AggregatorSet Empty { get; } = new([]);

    /// <summary>The aggregators.</summary>
    public IReadOnlyList<Aggregator> Items => _items;

    /// <summary>Fresh, empty aggregators for <paramref name="prototypes"/>.</summary>
    public static AggregatorSet Create(Aggregator[] prototypes)
    {
        if (prototypes.Length == 0)
        {
            return Empty;
        }

        var items = new Aggregator[prototypes.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = prototypes[i].Fresh();
        }

        return new AggregatorSet(items);
    }

    /// <summary>Adds the current document to each aggregator.</summary>
    public void Collect(DocContext doc)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            _items[i].Collect(doc);
        }
    }

    /// <summary>Writes <c>"name": {...}</c> for each aggregator into the current object.</summary>
    public void WriteProperties(Utf8JsonWriter writer, AggregationContext context)
    {
        foreach (var item in _items)
        {
            writer.WritePropertyName(context.TypedKeys ? item.TypedPrefix + "#" + item.Name : item.Name);
            item.Write(writer, context);
        }
    }

    /// <summary>Resolves an order path like <c>max_number</c>, <c>stats.avg</c> or <c>filter&gt;max_number</c>.</summary>
    public double OrderValue(string path, long docCount)
    {
        var set = this;
        var steps = path.Split('>');
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            var dot = step.IndexOf('.', StringComparison.Ordinal);
            var name = dot >= 0 ? step[..dot] : bracket >= 0 ? step[..bracket] : step;
            var metric = dot >= 0 ? step[(dot + 1)..] : null;
            if (name == "_count" && i == steps.Length - 1)
            {
                return docCount;
            }

            var agg = Array.Find(set._items, a => a.Name == name)
                ?? throw EmulatorException.IllegalArgument($"Invalid aggregator order path [{path}]. The provided aggregation [{name}] either does not exist, or is a pipeline aggregation and cannot be used to sort the buckets.");
            if (i == steps.Length - 1)
            {
                return agg.OrderValue(metric);
            }

            set = agg.SingleBucket ?? throw EmulatorException.IllegalArgument($"Invalid aggregator order path [{path}]. Buckets can only be sorted on a sub-aggregator path that is built out of zero or more single-bucket aggregations within the path and a final single-bucket or a metrics aggregation at the path end.");
        }

        return docCount;
    }
}
