using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.Aggregations.Metrics;

/// <summary><c>percentiles</c>, computed exactly with linear interpolation between ranks.</summary>
internal sealed class PercentilesAggregator : Aggregator
{
    private static readonly double[] DefaultPercents = [1, 5, 25, 50, 75, 95, 99];
    private readonly ValuesSource _source;
    private readonly double[] _percents;
    private readonly List<double> _values = [];
    private bool _sorted;

    public PercentilesAggregator(AggregationDefinition definition)
        : this(definition, new ValuesSource(definition), Percents(definition))
    {
    }

    private PercentilesAggregator(AggregationDefinition definition, ValuesSource source, double[] percents)
        : base(definition)
    {
        _source = source;
        _percents = percents;
    }

    /// <inheritdoc/>
    public override string TypedPrefix => "tdigest_percentiles";

    /// <inheritdoc/>
    public override Aggregator Fresh() => new PercentilesAggregator(Definition, _source, _percents);

    /// <inheritdoc/>
    public override void Validate(ISearchShard shard) => _source.Validate(shard, numericOnly: true);

    /// <inheritdoc/>
    public override void Collect(DocContext doc)
    {
        _source.Numbers(doc, _values);
        _sorted = false;
    }

    /// <inheritdoc/>
    public override double OrderValue(string? metric) =>
        Percentile(double.Parse(metric ?? "50", System.Globalization.CultureInfo.InvariantCulture)) ?? double.NaN;

    /// <inheritdoc/>
    protected override void WriteBody(Utf8JsonWriter writer, AggregationContext context)
    {
        var keyed = !Definition.Body.TryGetProperty("keyed", out var k) || k.ValueKind != JsonValueKind.False;
        if (keyed)
        {
            writer.WriteStartObject("values");
            foreach (var percent in _percents)
            {
                Write(writer, JavaFormat.Double(percent), Percentile(percent));
            }

            writer.WriteEndObject();
            return;
        }

        writer.WriteStartArray("values");
        foreach (var percent in _percents)
        {
            writer.WriteStartObject();
            writer.WriteNumber("key", percent);
            Write(writer, "value", Percentile(percent));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private double? Percentile(double percent)
    {
        if (_values.Count == 0)
        {
            return null;
        }

        if (!_sorted)
        {
            _values.Sort();
            _sorted = true;
        }

        var rank = percent / 100 * (_values.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, _values.Count - 1);
        return _values[low] + ((rank - low) * (_values[high] - _values[low]));
    }

    private static double[] Percents(AggregationDefinition definition) =>
        definition.Body.TryGetProperty("percents", out var p) && p.ValueKind == JsonValueKind.Array
            ? [.. p.EnumerateArray().Select(x => x.GetDouble())]
            : DefaultPercents;
}
