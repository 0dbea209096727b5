using System.Globalization;

namespace ObservabilityStack.Emulator.Search.Aggregations;

/// <summary>Prints doubles the way Java's <c>Double.toString</c> does (<c>100.0</c>, <c>1.5</c>), as used in ES keys.</summary>
internal static class JavaFormat
{
    /// <summary>Java-style double text.</summary>
    public static string Double(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "Infinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Infinity";
        }

        var abs = Math.Abs(value);
        if (value == Math.Floor(value) && abs < 1e7)
        {
            return value.ToString("0.0", CultureInfo.InvariantCulture);
        }

        if (abs >= 1e7 || (abs < 1e-3 && value != 0))
        {
            var text = value.ToString("0.0###############E0", CultureInfo.InvariantCulture);
            return text;
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
