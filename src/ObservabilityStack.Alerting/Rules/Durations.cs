using System.Globalization;

namespace ObservabilityStack.Alerting.Rules;

/// <summary>Short durations as written in rules: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>, <c>1w</c>.</summary>
public static class Durations
{
    /// <summary>Parses a short duration; false when the text is not one.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.Trim().AsSpan();
        var unitStart = 0;
        while (unitStart < span.Length && (char.IsDigit(span[unitStart]) || span[unitStart] == '.'))
        {
            unitStart++;
        }

        if (unitStart == 0
            || !double.TryParse(span[..unitStart], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        double? ms = span[unitStart..] switch
        {
            "ms" => number,
            "s" => number * 1000,
            "m" => number * 60_000,
            "h" => number * 3_600_000,
            "d" => number * 86_400_000,
            "w" => number * 604_800_000,
            _ => null,
        };
        if (ms is null)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(ms.Value);
        return true;
    }

    /// <summary>Formats a duration the way rules write it (<c>5m</c>, <c>90s</c>, <c>2h</c>).</summary>
    public static string Format(TimeSpan value)
    {
        if (value.TotalMilliseconds % 86_400_000 == 0 && value.TotalDays >= 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{value.TotalDays}d");
        }

        if (value.TotalMilliseconds % 3_600_000 == 0 && value.TotalHours >= 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{value.TotalHours}h");
        }

        if (value.TotalMilliseconds % 60_000 == 0 && value.TotalMinutes >= 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{value.TotalMinutes}m");
        }

        return value.TotalMilliseconds % 1000 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds}ms");
    }
}
