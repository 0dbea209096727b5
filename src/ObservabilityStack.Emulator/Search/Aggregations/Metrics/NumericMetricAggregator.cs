using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Aggregations.Metrics;

/// <summary><c>min</c>, <c>max</c>, <c>avg</c>, <c>sum</c>, <c>stats</c> and <c>extended_stats</c> over a numeric field.</summary>
internal sealed class NumericMetricAggregator : Aggregator
{
    private readonly ValuesSource _source;
    private readonly List<double> _values = [];
    private long _count;
    private double _sum, _sumOfSquares, _min = double.PositiveInfinity, _max = double.NegativeInfinity;
    private DateFormat? _dateFormat;

    public NumericMetricAggregator(AggregationDefinition definition)
        : this(definition, new ValuesSource(definition))
    {
    }

    private NumericMetricAggregator(AggregationDefinition definition, ValuesSource source)
        : base(definition) => _source = source;

    /// <inheritdoc/>
    public override Aggregator Fresh() => new NumericMetricAggregator(Definition, _source);

    /// <inheritdoc/>
    public override void Validate(ISearchShard shard) => _source.Validate(shard, numericOnly: true);

    /// <inheritdoc/>
    public override void Collect(DocContext doc)
    {
        _values.Clear();
        _source.Numbers(doc, _values);
        if (_values.Count > 0 && _dateFormat is null && _source.Field!.Resolve(doc) is { Kind: FieldKind.Date } field)
        {
            _dateFormat = field.Format;
        }

        foreach (var value in _values)
        {
            _count++;
            _sum += value;
            _sumOfSquares += value * value;
            _min = Math.Min(_min, value);
            _max = Math.Max(_max, value);
        }
    }

    /// <inheritdoc/>
    public override double OrderValue(string? metric) => (metric ?? Definition.Type) switch
    {
        "min" => _min,
        "max" => _max,
        "avg" => _count == 0 ? double.NaN : _sum / _count,
        "sum" => _sum,
        "count" => _count,
        "value" => OrderValue(Definition.Type),
        _ => throw EmulatorException.IllegalArgument($"Unknown value key [{metric}] for aggregation [{Name}]"),
    };

    /// <inheritdoc/>
    protected override void WriteBody(Utf8JsonWriter writer, AggregationContext context)
    {
        double? avg = _count == 0 ? null : _sum / _count;
        switch (Definition.Type)
        {
            case "min":
                WriteValue(writer, "value", _count == 0 ? null : _min);
                return;
            case "max":
                WriteValue(writer, "value", _count == 0 ? null : _max);
                return;
            case "avg":
                WriteValue(writer, "value", avg);
                return;
            case "sum":
                WriteValue(writer, "value", _sum);
                return;
        }

        writer.WriteNumber("count", _count);
        WriteValue(writer, "min", _count == 0 ? null : _min);
        WriteValue(writer, "max", _count == 0 ? null : _max);
        WriteValue(writer, "avg", avg);
        WriteValue(writer, "sum", _sum);
        if (Definition.Type == "extended_stats")
        {
            WriteExtended(writer, avg);
        }
    }

    private void WriteExtended(Utf8JsonWriter writer, double? avg)
    {
        var sigma = Definition.Body.TryGetProperty("sigma", out var s) ? s.GetDouble() : 2.0;
        double? population = avg is { } a ? Math.Max(0, (_sumOfSquares / _count) - (a * a)) : null;
        double? sampling = avg is { } b && _count > 1 ? Math.Max(0, (_sumOfSquares - (_count * b * b)) / (_count - 1)) : null;
        WriteNullable(writer, "sum_of_squares", _count == 0 ? null : _sumOfSquares);
        WriteNullable(writer, "variance", population);
        WriteNullable(writer, "variance_population", population);
        WriteNullable(writer, "variance_sampling", sampling);
        WriteNullable(writer, "std_deviation", Sqrt(population));
        WriteNullable(writer, "std_deviation_population", Sqrt(population));
        WriteNullable(writer, "std_deviation_sampling", Sqrt(sampling));
        writer.WriteStartObject("std_deviation_bounds");
        WriteNullable(writer, "upper", avg + (sigma * Sqrt(population)));
        WriteNullable(writer, "lower", avg - (sigma * Sqrt(population)));
        WriteNullable(writer, "upper_population", avg + (sigma * Sqrt(population)));
        WriteNullable(writer, "lower_population", avg - (sigma * Sqrt(population)));
        WriteNullable(writer, "upper_sampling", avg + (sigma * Sqrt(sampling)));
        WriteNullable(writer, "lower_sampling", avg - (sigma * Sqrt(sampling)));
        writer.WriteEndObject();
    }

    private static double? Sqrt(double? value) => value is { } v ? Math.Sqrt(v) : null;

    private void WriteValue(Utf8JsonWriter writer, string name, double? value)
    {
        WriteNullable(writer, name, value);
        if (value is { } v && _dateFormat is not null)
        {
            writer.WriteString(name == "value" ? "value_as_string" : name + "_as_string", _dateFormat.Format((long)v, null));
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
