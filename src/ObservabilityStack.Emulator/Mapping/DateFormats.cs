using System.Globalization;

namespace ObservabilityStack.Emulator.Mapping;

/// <summary>
/// Parses date values the way a date field with a format does. Supports the formats logs use:
/// <c>strict_date_optional_time</c>/<c>date_optional_time</c> (ISO-8601), <c>epoch_millis</c>,
/// <c>epoch_second</c>, <c>||</c> alternatives and simple Java-style patterns (yyyy, MM, dd, HH, mm, ss, SSS, Z).
/// </summary>
internal static class DateFormats
{
    public const string Default = "strict_date_optional_time||epoch_millis";

    /// <summary>The formats of dynamic date detection (Elasticsearch's dynamic_date_formats default).</summary>
    public static readonly string[] DynamicDefault = ["strict_date_optional_time", "yyyy/MM/dd HH:mm:ss Z||yyyy/MM/dd Z"];

    public static bool TryParse(string value, string? format, out long millis)
    {
        if (format is null)
        {
            return IsoDates.TryParse(value, out millis)
                || long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out millis);
        }

        foreach (var part in (format ?? Default).Split("||"))
        {
            if (TryParseOne(value, part.Trim(), out millis))
            {
                return true;
            }
        }

        millis = 0;
        return false;
    }

    public static bool TryParseNumber(double value, string? format, out long millis)
    {
        var formats = format ?? Default;
        millis = formats.Contains("epoch_second", StringComparison.Ordinal) && !formats.Contains("epoch_millis", StringComparison.Ordinal)
            ? (long)(value * 1000)
            : (long)value;
        return formats.Contains("epoch_", StringComparison.Ordinal) || format is null;
    }

    private static bool TryParseOne(string value, string format, out long millis)
    {
        millis = 0;
        switch (format)
        {
            case "strict_date_optional_time" or "date_optional_time" or "strict_date_optional_time_nanos" or "iso8601"
                or "strict_date_time" or "date_time":
                return TryIso(value, out millis);
            case "epoch_millis":
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out millis)
                    || TryFractional(value, 1, out millis);
            case "epoch_second":
                return TryFractional(value, 1000, out millis);
            case "strict_date" or "date" or "yyyy-MM-dd":
                return TryExact(value, "yyyy-MM-dd", out millis);
            default:
                return TryExact(value, ToDotNet(format), out millis);
        }
    }

    private static bool TryFractional(string value, double scale, out long millis)
    {
        var ok = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d);
        millis = ok ? (long)(d * scale) : 0;
        return ok;
    }

    private static bool TryIso(string value, out long millis)
    {
        millis = 0;
        // A year must lead: "2024-01-01..." (ISO forms only; bare numbers are not ISO dates).
        if (value.Length < 4 || !char.IsAsciiDigit(value[0]) || !char.IsAsciiDigit(value[3]))
        {
            return false;
        }

        if (value.Length > 4 && value[4] != '-')
        {
            return false;
        }

        if (IsoDates.TryParse(value, out millis))
        {
            return true;
        }

        value = TrimNanos(value);
        var styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        var ok = DateTimeOffset.TryParseExact(value, IsoPatterns, CultureInfo.InvariantCulture, styles, out var parsed);
        millis = ok ? parsed.ToUnixTimeMilliseconds() : 0;
        return ok;
    }

    private static readonly string[] IsoPatterns =
    [
        "yyyy", "yyyy-MM", "yyyy-MM-dd", "yyyy-MM-dd'T'HH", "yyyy-MM-dd'T'HHzzz", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz", "yyyy-MM-dd'T'HH:mm:sszz", "yyyy-MM-dd'T'HHK",
    ];

    /// <summary>.NET parses at most 7 fraction digits; date_nanos values carry 9, so the extra ones are dropped.</summary>
    private static string TrimNanos(string value)
    {
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return value;
        }

        var end = dot + 1;
        while (end < value.Length && char.IsAsciiDigit(value[end]))
        {
            end++;
        }

        return end - dot - 1 > 7 ? string.Concat(value.AsSpan(0, dot + 8), value.AsSpan(end)) : value;
    }

    private static bool TryExact(string value, string pattern, out long millis)
    {
        var styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        var ok = DateTimeOffset.TryParseExact(value, pattern, CultureInfo.InvariantCulture, styles, out var parsed);
        millis = ok ? parsed.ToUnixTimeMilliseconds() : 0;
        return ok;
    }

    /// <summary>Java DateTimeFormatter letters to .NET ones, for the common subset.</summary>
    private static string ToDotNet(string java) => java
        .Replace("SSSSSS", "ffffff", StringComparison.Ordinal)
        .Replace("SSS", "fff", StringComparison.Ordinal)
        .Replace("XXX", "zzz", StringComparison.Ordinal)
        .Replace("Z", "zzz", StringComparison.Ordinal)
        .Replace("a", "tt", StringComparison.Ordinal)
        .Replace("uuuu", "yyyy", StringComparison.Ordinal);
}
