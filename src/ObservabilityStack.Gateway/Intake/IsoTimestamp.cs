namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// The one timestamp form the gateway writes, <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, formatted and recognised
/// by hand: format strings and the general parser cost more than the rest of an event.
/// </summary>
internal static class IsoTimestamp
{
    /// <summary>Bytes in the canonical form.</summary>
    public const int Length = 24;

    /// <summary>Writes <paramref name="value"/> in UTC as 24 bytes.</summary>
    public static void Format(DateTimeOffset value, Span<byte> text)
    {
        var t = value.UtcDateTime;
        Digits(text[..4], t.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), t.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), t.Day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), t.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), t.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), t.Second);
        text[19] = (byte)'.';
        Digits(text.Slice(20, 3), t.Millisecond);
        text[23] = (byte)'Z';
    }

    /// <summary>True when <paramref name="text"/> is already a valid date in the canonical form, so it can be copied as is.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> text)
    {
        if (text.Length != Length || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T' || text[13] != (byte)':' ||
            text[16] != (byte)':' || text[19] != (byte)'.' || text[23] != (byte)'Z')
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day) ||
            !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) ||
            !TryDigits(text.Slice(17, 2), out var second) || !TryDigits(text.Slice(20, 3), out _))
        {
            return false;
        }

        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) &&
            hour < 24 && minute < 60 && second < 60;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
