using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;
using ObservabilityStack.Emulator.Search.Blocks;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary>
/// <c>range</c>: numbers compare numerically, dates after date math (<c>now-5m/m</c>, <c>||</c> anchors, format,
/// time_zone; <c>gt</c>/<c>lte</c> round up like Elasticsearch), keywords and text tokens compare as strings.
/// </summary>
internal sealed class RangeQuery : Query
{
    private readonly FieldRef _field;
    private readonly RangeBounds _bounds;
    private readonly long _now;
    private readonly double _boost;
    private readonly TimeZoneInfo? _zone;
    private readonly List<double> _numbers = [];
    private readonly List<string> _strings = [];
    private ResolvedField? _convertedFor;
    private double _low = double.NegativeInfinity, _high = double.PositiveInfinity;
    private bool _lowInclusive = true, _highInclusive = true;

    public RangeQuery(string field, RangeBounds bounds, long nowMillis, double boost)
    {
        _field = new FieldRef(field);
        _bounds = bounds;
        _now = nowMillis;
        _boost = boost;
        _zone = TimeZones.Find(bounds.TimeZone);
    }

    /// <inheritdoc/>
    public override bool Matches(DocContext doc, out double score)
    {
        score = _boost;
        var field = _field.Resolve(doc);
        if (field.IsNumeric)
        {
            Convert(field);
            _numbers.Clear();
            _field.Numbers(doc, _numbers);
            foreach (var value in _numbers)
            {
                if ((_lowInclusive ? value >= _low : value > _low) && (_highInclusive ? value <= _high : value < _high))
                {
                    return true;
                }
            }

            return false;
        }

        _strings.Clear();
        _field.Tokens(doc, _strings);
        foreach (var value in _strings)
        {
            if (InStringRange(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override double? ConstantScore => _boost;

    /// <inheritdoc/>
    public override bool FilterBlock(in RunBlock block, ulong[] candidates)
    {
        var field = _field.Resolve(block.Mappings);
        if (!field.IsNumeric || _field.IsMetadata)
        {
            return false;
        }

        Convert(field);
        _field.KeepNumbers(block, candidates, new NumberInRange(_low, _lowInclusive, _high, _highInclusive));
        return true;
    }

    /// <inheritdoc/>
    public override void NarrowTimestamp(ref long? from, ref long? to)
    {
        if (_field.Path != "@timestamp")
        {
            return;
        }

        var format = DateFormat.Get(_bounds.Format);
        if (Evaluate(_bounds.Gte ?? _bounds.Gt, format, false) is { } low && !double.IsInfinity(low))
        {
            from = Math.Max(from ?? long.MinValue, (long)low);
        }

        if (Evaluate(_bounds.Lte ?? _bounds.Lt, format, true) is { } high && !double.IsInfinity(high))
        {
            to = Math.Min(to ?? long.MaxValue, (long)high);
        }
    }

    private void Convert(ResolvedField field)
    {
        if (ReferenceEquals(field, _convertedFor))
        {
            return;
        }

        _convertedFor = field;
        var format = _bounds.Format is null ? field.Format : DateFormat.Get(_bounds.Format);
        var isDate = field.Kind == FieldKind.Date;
        (_low, _lowInclusive) = _bounds.Gt is not null ? (Bound(_bounds.Gt, isDate, format, true, field), false)
            : (Bound(_bounds.Gte, isDate, format, false, field), true);
        (_high, _highInclusive) = _bounds.Lt is not null ? (Bound(_bounds.Lt, isDate, format, false, field), false)
            : (Bound(_bounds.Lte, isDate, format, true, field), true);
        _low = double.IsNaN(_low) ? double.NegativeInfinity : _low;
        _high = double.IsNaN(_high) ? double.PositiveInfinity : _high;
    }

    private double Bound(JsonElement? value, bool isDate, DateFormat format, bool roundUp, ResolvedField field)
    {
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            return double.NaN;
        }

        if (isDate)
        {
            return Evaluate(value, format, roundUp) ?? throw EmulatorException.Parsing(
                $"failed to parse date field [{ResolvedField.AsString(value.Value)}] with format [{format.Pattern}]");
        }

        if (field.TryNumber(value.Value, out var number))
        {
            return number;
        }

        throw EmulatorException.Parsing($"For input string: \"{ResolvedField.AsString(value.Value)}\"");
    }

    private double? Evaluate(JsonElement? value, DateFormat format, bool roundUp)
    {
        if (value is not { } element)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number)
        {
            return element.GetDouble();
        }

        return element.ValueKind == JsonValueKind.String &&
               DateMath.TryEvaluate(element.GetString()!, _now, roundUp, format, _zone, out var millis)
            ? millis
            : null;
    }

    private bool InStringRange(string value)
    {
        if (Compare(value, _bounds.Gt) is { } gt && gt <= 0)
        {
            return false;
        }

        if (Compare(value, _bounds.Gte) is { } gte && gte < 0)
        {
            return false;
        }

        if (Compare(value, _bounds.Lt) is { } lt && lt >= 0)
        {
            return false;
        }

        return Compare(value, _bounds.Lte) is not { } lte || lte <= 0;
    }

    private static int? Compare(string value, JsonElement? bound) =>
        bound is { } b && ResolvedField.AsString(b) is { } text ? string.CompareOrdinal(value, text) : null;
}
