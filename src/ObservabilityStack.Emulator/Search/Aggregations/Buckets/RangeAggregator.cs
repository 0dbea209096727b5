using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary><c>range</c> and <c>date_range</c>: buckets [from, to), sorted by from then to, keyed optionally.</summary>
internal sealed class RangeAggregator : Aggregator
{
    private readonly ValuesSource _source;
    private readonly (string? Key, double From, double To)[] _ranges;
    private readonly bool _keyed;
    private readonly DateFormat? _format;
    private readonly TimeZoneInfo? _zone;
    private readonly long[] _counts;
    private readonly AggregatorSet[] _subs;
    private readonly List<double> _values = [];

    public RangeAggregator(AggregationDefinition definition)
        : base(definition)
    {
        var body = definition.Body;
        _source = new ValuesSource(definition);
        _keyed = body.TryGetProperty("keyed", out var k) && k.ValueKind == JsonValueKind.True;
        var isDate = definition.Type == "date_range";
        _format = isDate ? DateFormat.Get(body.TryGetProperty("format", out var f) ? f.GetString() : null) : null;
        _zone = TimeZones.Find(body.TryGetProperty("time_zone", out var tz) ? tz.GetString() : null);
        if (!body.TryGetProperty("ranges", out var ranges) || ranges.ValueKind != JsonValueKind.Array)
        {
            throw EmulatorException.IllegalArgument($"No [ranges] specified for the [{definition.Name}] aggregation");
        }

        _ranges = [.. ranges.EnumerateArray()
            .Select(r => (r.TryGetProperty("key", out var key) ? key.GetString() : null, Bound(r, "from", double.NegativeInfinity), Bound(r, "to", double.PositiveInfinity)))
            .OrderBy(r => r.Item2).ThenBy(r => r.Item3)];
        (_counts, _subs) = NewState();
    }

    private RangeAggregator(RangeAggregator prototype)
        : base(prototype.Definition)
    {
        _source = prototype._source;
        _ranges = prototype._ranges;
        _keyed = prototype._keyed;
        _format = prototype._format;
        _zone = prototype._zone;
        (_counts, _subs) = NewState();
    }

    /// <inheritdoc/>
    public override Aggregator Fresh() => new RangeAggregator(this);

    /// <inheritdoc/>
    public override void Validate(ISearchShard shard)
    {
        _source.Validate(shard, numericOnly: true);
        base.Validate(shard);
    }

    /// <inheritdoc/>
    public override void Collect(DocContext doc)
    {
        _values.Clear();
        _source.Numbers(doc, _values);
        for (var i = 0; i < _ranges.Length; i++)
        {
            foreach (var value in _values)
            {
                if (value >= _ranges[i].From && value < _ranges[i].To)
                {
                    _counts[i]++;
                    _subs[i].Collect(doc);
                    break;
                }
            }
        }
    }

    /// <inheritdoc/>
    protected override void WriteBody(Utf8JsonWriter writer, AggregationContext context)
    {
        BucketsWriter.Start(writer, _keyed);

        for (var i = 0; i < _ranges.Length; i++)
        {
            var (key, from, to) = _ranges[i];
            key ??= Text(from, "*") + "-" + Text(to, "*");
            if (_keyed)
            {
                writer.WritePropertyName(key);
            }

            writer.WriteStartObject();
            if (!_keyed)
            {
                writer.WriteString("key", key);
            }

            WriteBound(writer, "from", from);
            WriteBound(writer, "to", to);
            writer.WriteNumber("doc_count", _counts[i]);
            _subs[i].WriteProperties(writer, context);
            writer.WriteEndObject();
        }

        BucketsWriter.End(writer, _keyed);
    }

    private void WriteBound(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsInfinity(value))
        {
            return;
        }

        writer.WriteNumber(name, value);
        if (_format is not null)
        {
            writer.WriteString(name + "_as_string", _format.Format((long)value, _zone));
        }
    }

    private string Text(double value, string unbounded) =>
        double.IsInfinity(value) ? unbounded : _format is not null ? _format.Format((long)value, _zone) : JavaFormat.Double(value);

    private double Bound(JsonElement range, string name, double unbounded)
    {
        if (!range.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return unbounded;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        var text = value.GetString()!;
        if (_format is not null && DateMath.TryEvaluate(text, Definition.NowMillis, false, _format, _zone, out var millis))
        {
            return millis;
        }

        return double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw EmulatorException.Parsing($"failed to parse date field [{text}]");
    }

    private (long[], AggregatorSet[]) NewState() =>
        (new long[_ranges.Length], [.. _ranges.Select(_ => AggregatorSet.Create(Definition.SubAggregations))]);
}
