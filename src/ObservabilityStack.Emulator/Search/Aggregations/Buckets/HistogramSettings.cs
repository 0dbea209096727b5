using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary>The parsed configuration of a <c>histogram</c> or <c>date_histogram</c>.</summary>
internal sealed class HistogramSettings
{
    public HistogramSettings(AggregationDefinition definition)
    {
        Definition = definition;
        var body = definition.Body;
        IsDate = definition.Type == "date_histogram";
        Source = new ValuesSource(definition);
        Zone = TimeZones.Find(body.TryGetProperty("time_zone", out var tz) ? tz.GetString() : null);
        Format = body.TryGetProperty("format", out var f) ? f.GetString() : null;
        MinDocCount = body.TryGetProperty("min_doc_count", out var m) ? m.GetInt64() : 0;
        Keyed = body.TryGetProperty("keyed", out var k) && k.ValueKind == JsonValueKind.True;
        Order = BucketOrder.Parse(body, [("_key", false)]);
        Rounding = IsDate ? DateRoundingFor(body) : NumericRoundingFor(body);
        (ExtendedMin, ExtendedMax) = Bounds(body, "extended_bounds");
        (HardMin, HardMax) = Bounds(body, "hard_bounds");
    }

    public AggregationDefinition Definition { get; }

    public bool IsDate { get; }

    public ValuesSource Source { get; }

    public TimeZoneInfo? Zone { get; }

    public string? Format { get; }

    public long MinDocCount { get; }

    public bool Keyed { get; }

    public BucketOrder Order { get; }

    public IHistogramRounding Rounding { get; }

    public double? ExtendedMin { get; }

    public double? ExtendedMax { get; }

    public double? HardMin { get; }

    public double? HardMax { get; }

    private DateRounding DateRoundingFor(JsonElement body)
    {
        var offset = body.TryGetProperty("offset", out var o) ? ParseOffset(o) : 0;
        if (body.TryGetProperty("calendar_interval", out var calendar))
        {
            return DateRounding.Calendar(calendar.GetString()!, offset, Zone);
        }

        if (body.TryGetProperty("fixed_interval", out var fixedInterval))
        {
            return DateRounding.Fixed(fixedInterval.GetString()!, offset, Zone);
        }

        if (body.TryGetProperty("interval", out var legacy) && legacy.GetString() is { } interval)
        {
            return DateRounding.CalendarUnit(interval) is not null
                ? DateRounding.Calendar(interval, offset, Zone)
                : DateRounding.Fixed(interval, offset, Zone);
        }

        throw EmulatorException.IllegalArgument("Invalid interval specified, must be non-null and non-empty");
    }

    private static long ParseOffset(JsonElement offset)
    {
        if (offset.ValueKind == JsonValueKind.Number)
        {
            return offset.GetInt64();
        }

        var text = offset.GetString()!;
        var negative = text.StartsWith('-');
        var millis = DateRounding.ParseDuration(text.TrimStart('+', '-'))
            ?? throw EmulatorException.IllegalArgument($"failed to parse setting [date_histogram.offset] with value [{text}] as a time value");
        return negative ? -millis : millis;
    }

    private static NumericRounding NumericRoundingFor(JsonElement body)
    {
        var interval = body.TryGetProperty("interval", out var i) ? i.GetDouble() : 0;
        if (interval <= 0)
        {
            throw EmulatorException.IllegalArgument($"[interval] must be >0 for histogram aggregation [{body}]");
        }

        return new NumericRounding(interval, body.TryGetProperty("offset", out var o) ? o.GetDouble() : 0);
    }

    private (double?, double?) Bounds(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var bounds))
        {
            return (null, null);
        }

        return (Bound(bounds, "min"), Bound(bounds, "max"));
    }

    private double? Bound(JsonElement bounds, string name)
    {
        if (!bounds.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        var format = DateFormat.Get(Format);
        return DateMath.TryEvaluate(value.GetString()!, Definition.NowMillis, false, format, Zone, out var millis)
            ? millis
            : throw EmulatorException.Parsing($"failed to parse date field [{value.GetString()}] with format [{format.Pattern}]");
    }
}
