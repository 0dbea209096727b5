namespace ObservabilityStack.Emulator.Search.Fields;

/// <summary>
/// Elasticsearch date math: <c>now-5m/m</c>, <c>2016-01-01||+1M/d</c>. Rounding goes down, or to the last
/// millisecond of the unit when <c>roundUp</c> (used for <c>lte</c> and <c>gt</c>, as Elasticsearch does).
/// </summary>
internal static class DateMath
{
    /// <summary>Evaluates <paramref name="expression"/>; false when it is not a date.</summary>
    public static bool TryEvaluate(string expression, long nowMillis, bool roundUp, DateFormat format, TimeZoneInfo? zone,
        out long millis)
    {
        string math;
        if (expression.StartsWith("now", StringComparison.Ordinal))
        {
            millis = nowMillis;
            math = expression[3..];
        }
        else
        {
            var anchor = expression.IndexOf("||", StringComparison.Ordinal);
            if (anchor < 0)
            {
                return format.TryParse(expression, zone, out millis);
            }

            if (!format.TryParse(expression[..anchor], zone, out millis))
            {
                return false;
            }

            math = expression[(anchor + 2)..];
        }

        return TryApply(math, roundUp, zone, ref millis);
    }

    /// <summary>Rounds <paramref name="millis"/> down to the start of <paramref name="unit"/> in <paramref name="zone"/>.</summary>
    public static long RoundDown(long millis, char unit, TimeZoneInfo? zone)
    {
        var local = TimeZones.ToLocal(millis, zone);
        var rounded = unit switch
        {
            'y' => new DateTime(local.Year, 1, 1),
            'q' => new DateTime(local.Year, (((local.Month - 1) / 3) * 3) + 1, 1),
            'M' => new DateTime(local.Year, local.Month, 1),
            'w' => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            'd' => local.Date,
            'h' or 'H' => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0),
            'm' => new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0),
            's' => new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second),
            _ => local,
        };
        return TimeZones.FromLocal(rounded, zone);
    }

    /// <summary>Adds <paramref name="amount"/> units to <paramref name="millis"/> in <paramref name="zone"/>.</summary>
    public static long Add(long millis, int amount, char unit, TimeZoneInfo? zone)
    {
        var local = TimeZones.ToLocal(millis, zone);
        var moved = unit switch
        {
            'y' => local.AddYears(amount),
            'q' => local.AddMonths(3 * amount),
            'M' => local.AddMonths(amount),
            'w' => local.AddDays(7 * amount),
            'd' => local.AddDays(amount),
            'h' or 'H' => local.AddHours(amount),
            'm' => local.AddMinutes(amount),
            's' => local.AddSeconds(amount),
            _ => throw new ArgumentOutOfRangeException(nameof(unit)),
        };
        return unit is 'h' or 'H' or 'm' or 's'
            ? millis + (long)(moved - local).TotalMilliseconds
            : TimeZones.FromLocal(moved, zone);
    }

    private static bool TryApply(string math, bool roundUp, TimeZoneInfo? zone, ref long millis)
    {
        var i = 0;
        while (i < math.Length)
        {
            var op = math[i++];
            if (op == '/')
            {
                if (i >= math.Length || !IsUnit(math[i]))
                {
                    return false;
                }

                var unit = math[i++];
                millis = roundUp ? Add(RoundDown(millis, unit, zone), 1, unit, zone) - 1 : RoundDown(millis, unit, zone);
                continue;
            }

            if (op != '+' && op != '-')
            {
                return false;
            }

            var start = i;
            while (i < math.Length && char.IsAsciiDigit(math[i]))
            {
                i++;
            }

            var amount = i == start ? 1 : int.Parse(math.AsSpan(start, i - start), provider: System.Globalization.CultureInfo.InvariantCulture);
            if (i >= math.Length || !IsUnit(math[i]))
            {
                return false;
            }

            millis = Add(millis, op == '-' ? -amount : amount, math[i++], zone);
        }

        return true;
    }

    private static bool IsUnit(char c) => c is 'y' or 'M' or 'w' or 'd' or 'h' or 'H' or 'm' or 's' or 'q';
}
