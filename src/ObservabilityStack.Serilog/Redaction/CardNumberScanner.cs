using System.Buffers;

namespace ObservabilityStack.Serilog.Redaction;

/// <summary>
/// Finds card numbers in free text the way PCI scanners do: a candidate must stand alone (word boundaries; a
/// hyphen or a decimal point joining it to letters or digits makes it part of a longer token), be written as
/// 13-19 digits in a row or in the usual groups (<c>4-4-4-4[-1..3]</c> or <c>4-6-5</c>/<c>4-6-4</c>, all spaces
/// or all hyphens), and pass <see cref="CardNumber.IsCardNumber"/>.
/// </summary>
internal static class CardNumberScanner
{
    private const int MaxGroups = 5;

    // The four characters of an IBAN or digit group ("DE44", "1234").
    private static readonly SearchValues<char> LettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Finds the first card number at or after <paramref name="from"/>; <paramref name="end"/> is exclusive.</summary>
    public static bool TryFind(ReadOnlySpan<char> text, int from, out int start, out int end)
    {
        Span<char> digits = stackalloc char[CardNumber.MaxDigits];
        var i = from;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                break;
            }

            i += next;
            var run = DigitRun(text, i);
            if (StartsToken(text, i) && TryCandidate(text, i, run, digits, out end))
            {
                start = i;
                return true;
            }

            // Never restart inside a run of digits: its tail is embedded in a longer number.
            i += run;
        }

        start = end = -1;
        return false;
    }

    private static bool TryCandidate(ReadOnlySpan<char> text, int i, int run, Span<char> digits, out int end)
    {
        end = i + run;
        if (run >= CardNumber.MinDigits)
        {
            return EndsToken(text, end) && CardNumber.IsCardNumber(text.Slice(i, run));
        }

        if (run != 4 || i + 5 >= text.Length || text[i + 4] is not (' ' or '-') || !char.IsAsciiDigit(text[i + 5]))
        {
            return false;
        }

        var separator = text[i + 4];

        // "DE44 5001 0517 …" (an IBAN) or "1234 4111 …": a group continuing a longer grouped number.
        if (separator == ' ' && ContinuesGroups(text, i))
        {
            return false;
        }

        Span<int> lengths = stackalloc int[MaxGroups];
        Span<int> ends = stackalloc int[MaxGroups];
        var count = 0;
        var position = i;
        while (true)
        {
            var length = DigitRun(text, position);
            lengths[count] = length;
            position += length;
            ends[count++] = position;
            if (count == MaxGroups || position + 1 >= text.Length || text[position] != separator || !char.IsAsciiDigit(text[position + 1]))
            {
                break;
            }

            position++;
        }

        // Whole run first; a shorter prefix only when spaces separate it from what follows ("… 1111 123" with a CVV),
        // since a hyphen would glue the rest on as part of the same token.
        for (var take = count; take >= 3; take--)
        {
            var whole = take == count;
            if ((!whole && separator != ' ') || !IsCardGrouping(lengths[..take]) || (whole && !EndsToken(text, ends[take - 1])))
            {
                continue;
            }

            var total = 0;
            for (var g = 0; g < take; g++)
            {
                var groupStart = ends[g] - lengths[g];
                text.Slice(groupStart, lengths[g]).CopyTo(digits[total..]);
                total += lengths[g];
            }

            if (CardNumber.IsCardNumber(digits[..total]))
            {
                end = ends[take - 1];
                return true;
            }
        }

        return false;
    }

    private static bool IsCardGrouping(ReadOnlySpan<int> groups) => groups.Length switch
    {
        3 => groups[0] == 4 && groups[1] == 6 && groups[2] is 4 or 5,
        4 => groups[0] == 4 && groups[1] == 4 && groups[2] == 4 && groups[3] is >= 1 and <= 4,
        5 => groups[0] == 4 && groups[1] == 4 && groups[2] == 4 && groups[3] == 4 && groups[4] is >= 1 and <= 3,
        _ => false,
    };

    private static int DigitRun(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        var length = rest.IndexOfAnyExceptInRange('0', '9');
        return length < 0 ? rest.Length : length;
    }

    private static bool StartsToken(ReadOnlySpan<char> text, int i)
    {
        if (i == 0)
        {
            return true;
        }

        var before = text[i - 1];
        var beforeThat = i >= 2 ? text[i - 2] : ' ';
        return !IsTokenChar(before)
            && !(before == '-' && IsTokenChar(beforeThat))
            && !(before == '.' && char.IsAsciiDigit(beforeThat))
            && before != '+'; // "+4915112345678" is a phone number in E.164 form
    }

    private static bool EndsToken(ReadOnlySpan<char> text, int end)
    {
        if (end == text.Length)
        {
            return true;
        }

        var after = text[end];
        var afterThat = end + 1 < text.Length ? text[end + 1] : ' ';
        return !IsTokenChar(after)
            && !(after == '-' && IsTokenChar(afterThat))
            && !(after == '.' && char.IsAsciiDigit(afterThat));
    }

    private static bool ContinuesGroups(ReadOnlySpan<char> text, int i)
    {
        if (i < 5 || text[i - 1] != ' ' || (i > 5 && IsTokenChar(text[i - 6])))
        {
            return false;
        }

        var group = text.Slice(i - 5, 4);
        return group.IndexOfAnyInRange('0', '9') >= 0 && !group.ContainsAnyExcept(LettersAndDigits);
    }

    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
