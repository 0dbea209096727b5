namespace ObservabilityStack.Serilog.Redaction;

/// <summary>
/// Names that say "this holds a card number" (<c>card</c>, <c>paymentCard</c>, <c>cardNo</c>, <c>pan</c>,
/// <c>card.pan</c>): masked whatever the value looks like. Matched on whole words (camelCase, <c>_</c>, <c>-</c>,
/// <c>.</c> split the name), so <c>company</c>, <c>span</c>, <c>discard</c> or <c>cardinality</c> are not cards, and
/// <c>cardType</c> or <c>cardHolder</c> are not either (their values are still scanned for card numbers).
/// </summary>
internal static class CardFieldName
{
    public static bool Matches(string name)
    {
        var previousWasCard = false;
        var i = 0;
        while (NextWord(name, ref i) is { Length: > 0 } word)
        {
            if (word.Equals("pan", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (previousWasCard && IsNumberWord(word))
            {
                return true;
            }

            previousWasCard = word.Equals("card", StringComparison.OrdinalIgnoreCase);
        }

        // "card" as the last word: the value is the card itself.
        return previousWasCard;
    }

    private static bool IsNumberWord(ReadOnlySpan<char> word) =>
        word.Equals("number", StringComparison.OrdinalIgnoreCase) || word.Equals("no", StringComparison.OrdinalIgnoreCase)
        || word.Equals("num", StringComparison.OrdinalIgnoreCase) || word.Equals("nr", StringComparison.OrdinalIgnoreCase);

    /// <summary>The next word from <paramref name="i"/>: letters and digits, split before an upper-case letter that starts a word.</summary>
    private static ReadOnlySpan<char> NextWord(string name, ref int i)
    {
        while (i < name.Length && !char.IsLetterOrDigit(name[i]))
        {
            i++;
        }

        var start = i;
        while (i < name.Length && char.IsLetterOrDigit(name[i]) && (i == start || !StartsWord(name, i)))
        {
            i++;
        }

        return name.AsSpan(start, i - start);
    }

    // "cardNumber" splits before N; "PANNumber" before N (an acronym followed by a word); "card2" does not split.
    private static bool StartsWord(string name, int i) =>
        char.IsUpper(name[i])
        && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
            || (char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1])));
}
