namespace ObservabilityStack.Serilog.Redaction;

/// <summary>
/// Whether a run of digits is a payment card number: a known network's prefix, a length that network issues,
/// and the Luhn check. Order ids, phone numbers and epoch timestamps of the right length fail the first two
/// nine times out of ten before Luhn (one in ten) is even asked.
/// </summary>
internal static class CardNumber
{
    /// <summary>Shortest card number recognised (13-digit Visa).</summary>
    public const int MinDigits = 13;

    /// <summary>Longest card number recognised (ISO/IEC 7812).</summary>
    public const int MaxDigits = 19;

    /// <summary>True when <paramref name="digits"/> (ASCII digits only) is a card number of a known network.</summary>
    public static bool IsCardNumber(ReadOnlySpan<char> digits) =>
        digits.Length is >= MinDigits and <= MaxDigits && HasNetworkLength(digits) && PassesLuhn(digits);

    /// <summary>
    /// Networks and their lengths. Maestro is taken as 50, 56-58, 63 and 67 (its live ranges 5018/5020/5038,
    /// 5893, 6304, 6759/6761-6763 sit in these); the rest of 6x is left alone so long ids starting 60/61/66/68/69
    /// are kept. Mir (2200-2204) is included: it is a national scheme issued in volume.
    /// </summary>
    internal static bool HasNetworkLength(ReadOnlySpan<char> digits)
    {
        var length = digits.Length;
        var p2 = Prefix(digits, 2);
        var p3 = Prefix(digits, 3);
        var p4 = Prefix(digits, 4);
        return digits[0] switch
        {
            // Visa: 13 (old cards), 16, 19.
            '4' => length is 13 or 16 or 19,
            '5' => p2 is >= 51 and <= 55 ? length == 16
                : p2 is 50 or (>= 56 and <= 58) && length >= 13,
            '2' => (p4 is >= 2221 and <= 2720 && length == 16) || (p4 is >= 2200 and <= 2204 && length >= 16),
            '3' => p2 is 34 or 37 ? length == 15
                : p4 is >= 3528 and <= 3589 ? length >= 16
                : (p3 is >= 300 and <= 305) || p2 is 36 or 38 or 39 ? length >= 14
                : false,
            '6' => p4 == 6011 || p3 is >= 644 and <= 649 || p2 is 65 || p2 is 62 ? length >= 16
                : p2 is 63 or 67 && length >= 13,
            _ => false,
        };
    }

    /// <summary>The Luhn (mod 10) check over ASCII digits.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    private static int Prefix(ReadOnlySpan<char> digits, int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            value = (value * 10) + (digits[i] - '0');
        }

        return value;
    }
}
