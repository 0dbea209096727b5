using System.Globalization;

namespace ObservabilityStack.Emulator.Ilm;

/// <summary>Elasticsearch time values (<c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>7d</c>) and byte sizes (<c>50gb</c>).</summary>
internal static class TimeValue
{
    public static TimeSpan Parse(string value, string setting)
    {
        var (number, unit) = Split(value);
        var scale = unit switch
        {
            "nanos" => 0.000001,
            "micros" => 0.001,
            "ms" => 1.0,
            "s" => 1000.0,
            "m" => 60_000.0,
            "h" => 3_600_000.0,
            "d" => 86_400_000.0,
            _ => throw EmulatorException.IllegalArgument(
                $"failed to parse setting [{setting}] with value [{value}] as a time value: unit is missing or unrecognized"),
        };
        return TimeSpan.FromMilliseconds(number * scale);
    }

    public static long ParseBytes(string value, string setting)
    {
        var (number, unit) = Split(value.ToLowerInvariant());
        var scale = unit switch
        {
            "b" => 1L,
            "kb" => 1L << 10,
            "mb" => 1L << 20,
            "gb" => 1L << 30,
            "tb" => 1L << 40,
            "pb" => 1L << 50,
            _ => throw new EmulatorException(400, "parse_exception",
                $"failed to parse setting [{setting}] with value [{value}] as a size in bytes: unit is missing or unrecognized"),
        };
        return (long)(number * scale);
    }

    private static (double Number, string Unit) Split(string value)
    {
        var i = 0;
        while (i < value.Length && (char.IsAsciiDigit(value[i]) || value[i] is '.' or '-'))
        {
            i++;
        }

        if (!double.TryParse(value.AsSpan(0, i), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            number = double.NaN;
        }

        return double.IsNaN(number)
            ? throw EmulatorException.IllegalArgument($"failed to parse [{value}]")
            : (number, value[i..].Trim());
    }
}
