using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.Fields;

/// <summary>
/// A mapping or request date format (<c>strict_date_optional_time||epoch_millis</c>, <c>yyyy-MM-dd HH:mm:ss</c>, ...):
/// parses values to epoch milliseconds and prints keys the way Elasticsearch does.
/// </summary>
internal sealed class DateFormat
{
    /// <summary>Elasticsearch's default date format.</summary>
    public const string DefaultPattern = "strict_date_optional_time||epoch_millis";

    private static readonly ConcurrentDictionary<string, DateFormat> Cache = new(StringComparer.Ordinal);

    private readonly string[] _parts;
    private readonly string?[] _partPatterns;
    private readonly string? _printPattern;

    private DateFormat(string pattern)
    {
        Pattern = pattern;
        _parts = pattern.Split("||", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _partPatterns = [.. _parts.Select(ToDotNetPattern)];
        _printPattern = ToDotNetPattern(_parts.Length == 0 ? "strict_date_optional_time" : _parts[0]);
        IsEpochSecond = _parts.Length > 0 && _parts[0] == "epoch_second";
    }

    /// <summary>The format string as given.</summary>
    public string Pattern { get; }

    /// <summary>The default format.</summary>
    public static DateFormat Default { get; } = Get(DefaultPattern);

    private bool IsEpochSecond { get; }

    /// <summary>The (cached) format for <paramref name="pattern"/>; the default when null or empty.</summary>
    public static DateFormat Get(string? pattern) =>
        string.IsNullOrWhiteSpace(pattern) ? Default : Cache.GetOrAdd(pattern, p => new DateFormat(p));

    /// <summary>Parses a JSON value (number = epoch millis, or seconds for epoch_second; string per format).</summary>
    public bool TryParse(JsonElement value, TimeZoneInfo? zone, out long millis)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            var number = value.GetDouble();
            millis = (long)(IsEpochSecond ? number * 1000 : number);
            return true;
        }

        millis = 0;
        return value.ValueKind == JsonValueKind.String && TryParse(value.GetString()!, zone, out millis);
    }

    /// <summary>Parses text by each alternative of the format in turn.</summary>
    public bool TryParse(string text, TimeZoneInfo? zone, out long millis)
    {
        for (var i = 0; i < _parts.Length; i++)
        {
            if (TryParsePart(_parts[i], _partPatterns[i], text, zone, out millis))
            {
                return true;
            }
        }

        millis = 0;
        return false;
    }

    /// <summary>Prints epoch millis with the first alternative of the format, in <paramref name="zone"/> (UTC when null).</summary>
    public string Format(long millis, TimeZoneInfo? zone)
    {
        switch (_parts.Length == 0 ? string.Empty : _parts[0])
        {
            case "epoch_millis":
                return millis.ToString(CultureInfo.InvariantCulture);
            case "epoch_second":
                return (millis / 1000).ToString(CultureInfo.InvariantCulture);
        }

        var utc = DateTimeOffset.FromUnixTimeMilliseconds(millis);
        var local = zone is null ? utc : TimeZoneInfo.ConvertTime(utc, zone);
        if (_printPattern is null)
        {
            var suffix = local.Offset == TimeSpan.Zero ? "Z" : local.ToString("zzz", CultureInfo.InvariantCulture);
            return local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + suffix;
        }

        return local.ToString(_printPattern, CultureInfo.InvariantCulture);
    }

    private static bool TryParsePart(string part, string? pattern, string text, TimeZoneInfo? zone, out long millis)
    {
        millis = 0;
        switch (part)
        {
            case "epoch_millis":
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                {
                    millis = (long)ms;
                    return true;
                }

                return false;
            case "epoch_second":
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
                {
                    millis = (long)(s * 1000);
                    return true;
                }

                return false;
        }

        if (pattern is null)
        {
            return IsoDate.TryParse(text, zone, out millis);
        }

        if (!DateTime.TryParseExact(text, pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        var offset = parsed.Kind == DateTimeKind.Unspecified && zone is not null ? zone.GetUtcOffset(parsed) : TimeSpan.Zero;
        millis = parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(parsed, offset).ToUnixTimeMilliseconds()
            : new DateTimeOffset(parsed.ToUniversalTime()).ToUnixTimeMilliseconds();
        return true;
    }

    // Null means "ISO-8601 flavour": parsed by IsoDate, printed as yyyy-MM-ddTHH:mm:ss.SSSZ.
    private static string? ToDotNetPattern(string part) => part switch
    {
        "strict_date_optional_time" or "date_optional_time" or "strict_date_optional_time_nanos" or "strict_date_time"
            or "date_time" or "iso8601" or "strict_date_time_no_millis" or "date_time_no_millis" => null,
        "strict_date" or "date" or "year_month_day" or "strict_year_month_day" => "yyyy-MM-dd",
        "basic_date" => "yyyyMMdd",
        "strict_date_hour_minute_second" or "date_hour_minute_second" => "yyyy-MM-dd'T'HH:mm:ss",
        "strict_year" or "year" => "yyyy",
        "strict_year_month" or "year_month" => "yyyy-MM",
        "strict_hour_minute_second" or "hour_minute_second" => "HH:mm:ss",
        _ => part.Replace("SSS", "fff", StringComparison.Ordinal).Replace("XXX", "zzz", StringComparison.Ordinal)
            .Replace("uuuu", "yyyy", StringComparison.Ordinal).Replace("ZZ", "zzz", StringComparison.Ordinal),
    };
}
