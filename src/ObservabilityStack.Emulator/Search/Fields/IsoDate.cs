using System.Globalization;

namespace ObservabilityStack.Emulator.Search.Fields;

/// <summary>
/// Parses ISO-8601 dates the way <c>strict_date_optional_time</c> accepts them (year alone up to nanoseconds
/// with an optional offset); fractions beyond milliseconds are truncated.
/// </summary>
internal static class IsoDate
{
    /// <summary>Parses <paramref name="text"/>; a date without offset is taken in <paramref name="zone"/> (UTC when null).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, TimeZoneInfo? zone, out long millis)
    {
        millis = 0;
        var pos = 0;
        if (!Digits(text, ref pos, 4, out var year))
        {
            return false;
        }

        int month = 1, day = 1, hour = 0, minute = 0, second = 0, milli = 0;
        if (Accept(text, ref pos, '-') && !(Digits(text, ref pos, 2, out month) &&
              (!Accept(text, ref pos, '-') || Digits(text, ref pos, 2, out day))))
        {
            return false;
        }

        if (Accept(text, ref pos, 'T') || Accept(text, ref pos, ' '))
        {
            if (!Digits(text, ref pos, 2, out hour))
            {
                return false;
            }

            if (Accept(text, ref pos, ':') && !(Digits(text, ref pos, 2, out minute) &&
                  (!Accept(text, ref pos, ':') || Digits(text, ref pos, 2, out second))))
            {
                return false;
            }

            if (Accept(text, ref pos, '.') || Accept(text, ref pos, ','))
            {
                var digits = 0;
                while (pos < text.Length && char.IsAsciiDigit(text[pos]))
                {
                    if (digits < 3)
                    {
                        milli = (milli * 10) + (text[pos] - '0');
                    }

                    digits++;
                    pos++;
                }

                for (; digits < 3; digits++)
                {
                    milli *= 10;
                }
            }
        }

        TimeSpan? offset = null;
        if (pos < text.Length)
        {
            if (text[pos] == 'Z' && pos == text.Length - 1)
            {
                offset = TimeSpan.Zero;
            }
            else if (!TryParseOffset(text[pos..], out var parsed))
            {
                return false;
            }
            else
            {
                offset = parsed;
            }
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, milli, DateTimeKind.Unspecified);
        var useOffset = offset ?? (zone is null ? TimeSpan.Zero : zone.GetUtcOffset(local));
        millis = new DateTimeOffset(local, useOffset).ToUnixTimeMilliseconds();
        return true;
    }

    /// <summary>Parses <c>+01:00</c>, <c>-0530</c>, <c>+01</c> or <c>Z</c>.</summary>
    public static bool TryParseOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is "Z" or "UTC")
        {
            return true;
        }

        if (text.Length < 3 || (text[0] != '+' && text[0] != '-'))
        {
            return false;
        }

        var sign = text[0] == '-' ? -1 : 1;
        var rest = text[1..].ToString().Replace(":", string.Empty, StringComparison.Ordinal);
        if (!int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var (hours, minutes) = rest.Length <= 2 ? (value, 0) : (value / 100, value % 100);
        offset = new TimeSpan(sign * hours, sign * minutes, 0);
        return true;
    }

    private static bool Accept(ReadOnlySpan<char> text, ref int pos, char c)
    {
        if (pos < text.Length && text[pos] == c)
        {
            pos++;
            return true;
        }

        return false;
    }

    private static bool Digits(ReadOnlySpan<char> text, ref int pos, int count, out int value)
    {
        value = 0;
        if (pos + count > text.Length)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            var c = text[pos + i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        pos += count;
        return true;
    }
}
