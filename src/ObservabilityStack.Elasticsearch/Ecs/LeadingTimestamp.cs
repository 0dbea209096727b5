namespace ObservabilityStack.Elasticsearch.Ecs;

/// <summary>
/// Reads <c>[?yyyy-MM-dd[T ]HH:mm:ss([.,]f{1,9})?(\s?(Z|±hh:?mm))?</c> at the start of a line, not followed by a digit or a
/// colon, without a regex or a string per line: the agent reads every line it tails with it.
/// </summary>
internal static class LeadingTimestamp
{
    private static readonly long[] TicksPerDigit = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    public static bool TryRead(ReadOnlySpan<char> s, out DateTimeOffset timestamp, out int length)
    {
        timestamp = default;
        length = 0;
        var i = s.Length > 0 && s[0] == '[' ? 1 : 0;
        if (s.Length < i + 19
            || !Number(s, i, 4, out var year) || s[i + 4] != '-' || !Number(s, i + 5, 2, out var month) || s[i + 7] != '-'
            || !Number(s, i + 8, 2, out var day) || s[i + 10] is not ('T' or ' ')
            || !Number(s, i + 11, 2, out var hour) || s[i + 13] != ':' || !Number(s, i + 14, 2, out var minute) || s[i + 16] != ':'
            || !Number(s, i + 17, 2, out var second))
        {
            return false;
        }

        var end = i + 19;
        var ticks = 0L;
        var digits = end < s.Length && s[end] is '.' or ',' ? Digits(s, end + 1) : 0;
        if (digits is >= 1 and <= 9)
        {
            // Ticks are 100 ns: digits past the seventh are dropped.
            for (var d = 0; d < Math.Min(7, digits); d++)
            {
                ticks += (s[end + 1 + d] - '0') * TicksPerDigit[d];
            }

            end += 1 + digits;
        }

        // Like the pattern's backtracking: an offset counts only if what follows it may follow a timestamp.
        var offset = TimeSpan.Zero;
        if (Offset(s, end, out var parsed, out var offsetEnd) is { } valid && Ends(s, offsetEnd))
        {
            if (!valid)
            {
                return false;
            }

            offset = parsed;
            end = offsetEnd;
        }
        else if (!Ends(s, end))
        {
            // A fraction followed by a digit or colon is no fraction; the separator then ends the timestamp.
            if (digits is < 1 or > 9 || !Ends(s, i + 19))
            {
                return false;
            }

            end = i + 19;
            ticks = 0;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        try
        {
            timestamp = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks).ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            // Year 1 or 9999 moved past the calendar's ends by its offset.
            return false;
        }

        length = i == 1 && end < s.Length && s[end] == ']' ? end + 1 : end;
        return true;
    }

    // Z, +02:00, +0200 or -05:30, after at most one white-space character: null when there is none, false when it is
    // out of range (+25:00), which makes the whole timestamp invalid.
    private static bool? Offset(ReadOnlySpan<char> s, int at, out TimeSpan offset, out int end)
    {
        offset = TimeSpan.Zero;
        end = at;
        if (at < s.Length && char.IsWhiteSpace(s[at]))
        {
            at++;
        }

        if (at < s.Length && s[at] == 'Z')
        {
            end = at + 1;
            return true;
        }

        if (at >= s.Length || s[at] is not ('+' or '-') || !Number(s, at + 1, 2, out var hours))
        {
            return null;
        }

        var m = at + 3 < s.Length && s[at + 3] == ':' ? at + 4 : at + 3;
        if (!Number(s, m, 2, out var minutes))
        {
            return null;
        }

        end = m + 2;
        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (s[at] == '-' ? -1 : 1);
        return true;
    }

    private static bool Ends(ReadOnlySpan<char> s, int at) => at >= s.Length || !(char.IsAsciiDigit(s[at]) || s[at] == ':');

    private static int Digits(ReadOnlySpan<char> s, int at)
    {
        var n = 0;
        while (at + n < s.Length && char.IsAsciiDigit(s[at + n]))
        {
            n++;
        }

        return n;
    }

    private static bool Number(ReadOnlySpan<char> s, int at, int count, out int value)
    {
        value = 0;
        if (at + count > s.Length)
        {
            return false;
        }

        for (var k = at; k < at + count; k++)
        {
            if (!char.IsAsciiDigit(s[k]))
            {
                return false;
            }

            value = (value * 10) + (s[k] - '0');
        }

        return true;
    }
}
