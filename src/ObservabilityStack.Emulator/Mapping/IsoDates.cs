namespace ObservabilityStack.Emulator.Mapping;

/// <summary>
/// A hand-written ISO-8601 parser for <c>strict_date_optional_time</c>:
/// <c>yyyy[-MM[-dd[THH[:mm[:ss[.fraction]]]]]][Z|±HH[:mm]]</c>. Indexing parses one of these per document,
/// and .NET's pattern-list parsing was the slowest step of a bulk item.
/// </summary>
internal static class IsoDates
{
    public static bool TryParse(ReadOnlySpan<char> s, out long millis)
    {
        millis = 0;
        var i = 0;
        if (!Digits(s, ref i, 4, out var year))
        {
            return false;
        }

        int month = 1, day = 1, hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        if (Next(s, i, '-'))
        {
            i++;
            if (!Digits(s, ref i, 2, out month) || month is < 1 or > 12)
            {
                return false;
            }

            if (Next(s, i, '-'))
            {
                i++;
                if (!Digits(s, ref i, 2, out day) || day < 1 || day > DateTime.DaysInMonth(year, month))
                {
                    return false;
                }

                if (Next(s, i, 'T') || Next(s, i, 't'))
                {
                    i++;
                    if (!Time(s, ref i, ref hour, ref minute, ref second, ref fractionTicks))
                    {
                        return false;
                    }
                }
            }
        }

        var offsetMinutes = 0;
        if (i < s.Length && !Offset(s, ref i, out offsetMinutes))
        {
            return false;
        }

        if (i != s.Length || year < 1)
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks
            - (offsetMinutes * TimeSpan.TicksPerMinute);
        millis = (ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        return true;
    }

    private static bool Time(ReadOnlySpan<char> s, ref int i, ref int hour, ref int minute, ref int second, ref long fractionTicks)
    {
        if (!Digits(s, ref i, 2, out hour) || hour > 23)
        {
            return false;
        }

        if (!Next(s, i, ':'))
        {
            return true;
        }

        i++;
        if (!Digits(s, ref i, 2, out minute) || minute > 59)
        {
            return false;
        }

        if (!Next(s, i, ':'))
        {
            return true;
        }

        i++;
        if (!Digits(s, ref i, 2, out second) || second > 59)
        {
            return false;
        }

        if (!Next(s, i, '.') && !Next(s, i, ','))
        {
            return true;
        }

        i++;
        var start = i;
        long scale = TimeSpan.TicksPerSecond;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            scale /= 10;
            fractionTicks += (s[i] - '0') * scale;
            i++;
        }

        return i > start;
    }

    private static bool Offset(ReadOnlySpan<char> s, ref int i, out int minutes)
    {
        minutes = 0;
        if (s[i] is 'Z' or 'z')
        {
            i++;
            return true;
        }

        if (s[i] is not ('+' or '-'))
        {
            return false;
        }

        var sign = s[i] == '-' ? -1 : 1;
        i++;
        if (!Digits(s, ref i, 2, out var hours))
        {
            return false;
        }

        var mins = 0;
        if (Next(s, i, ':'))
        {
            i++;
        }

        if (i < s.Length && !Digits(s, ref i, 2, out mins))
        {
            return false;
        }

        minutes = sign * ((hours * 60) + mins);
        return hours <= 18 && mins < 60;
    }

    private static bool Next(ReadOnlySpan<char> s, int i, char c) => i < s.Length && s[i] == c;

    private static bool Digits(ReadOnlySpan<char> s, ref int i, int count, out int value)
    {
        value = 0;
        if (i + count > s.Length)
        {
            return false;
        }

        for (var k = 0; k < count; k++)
        {
            var c = s[i + k];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        i += count;
        return true;
    }
}
