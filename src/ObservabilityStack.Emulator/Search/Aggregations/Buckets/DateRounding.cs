using System.Globalization;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary>Date histogram buckets: calendar units (minute..year, in the time zone) or fixed durations.</summary>
internal sealed class DateRounding : IHistogramRounding
{
    private readonly char _calendarUnit;
    private readonly long _fixedMillis;
    private readonly long _offset;
    private readonly TimeZoneInfo? _zone;

    private DateRounding(char calendarUnit, long fixedMillis, long offset, TimeZoneInfo? zone)
    {
        _calendarUnit = calendarUnit;
        _fixedMillis = fixedMillis;
        _offset = offset;
        _zone = zone;
    }

    /// <summary>A calendar interval (<c>month</c>, <c>1M</c>, <c>day</c>, <c>1d</c>...).</summary>
    public static DateRounding Calendar(string interval, long offset, TimeZoneInfo? zone) =>
        new(CalendarUnit(interval) ?? throw EmulatorException.IllegalArgument(
            $"The supplied interval [{interval}] could not be parsed as a calendar interval."), 0, offset, zone);

    /// <summary>A fixed interval (<c>30s</c>, <c>5m</c>, <c>1h</c>, <c>2d</c>, <c>500ms</c>).</summary>
    public static DateRounding Fixed(string interval, long offset, TimeZoneInfo? zone) =>
        new('\0', ParseDuration(interval) ?? throw EmulatorException.IllegalArgument(
            $"failed to parse setting [date_histogram.fixedInterval] with value [{interval}] as a time value: unit is missing or unrecognized"), offset, zone);

    /// <summary>The unit of a calendar interval name, or null.</summary>
    public static char? CalendarUnit(string interval) => interval switch
    {
        "second" or "1s" => 's',
        "minute" or "1m" => 'm',
        "hour" or "1h" => 'h',
        "day" or "1d" => 'd',
        "week" or "1w" => 'w',
        "month" or "1M" => 'M',
        "quarter" or "1q" => 'q',
        "year" or "1y" => 'y',
        _ => null,
    };

    /// <summary>Parses a duration like <c>90m</c> into milliseconds.</summary>
    public static long? ParseDuration(string text)
    {
        var units = new (string Suffix, long Millis)[] { ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000) };
        foreach (var (suffix, millis) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) &&
                long.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return n * millis;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public double Round(double value)
    {
        var millis = (long)value - _offset;
        if (_calendarUnit != '\0')
        {
            return DateMath.RoundDown(millis, _calendarUnit, _zone) + _offset;
        }

        var shift = _zone is null ? 0 : (long)_zone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(millis)).TotalMilliseconds;
        return (Math.Floor((double)(millis + shift) / _fixedMillis) * _fixedMillis) - shift + _offset;
    }

    /// <inheritdoc/>
    public double Next(double key) => _calendarUnit != '\0'
        ? Round(DateMath.Add((long)key - _offset, 1, _calendarUnit, _zone) + _offset)
        : Round(key + _fixedMillis);
}
