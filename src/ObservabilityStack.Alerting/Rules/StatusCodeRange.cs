namespace ObservabilityStack.Alerting.Rules;

/// <summary>An inclusive range of HTTP status codes, written <c>5xx</c>, <c>503</c> or <c>500-504</c>.</summary>
/// <param name="From">First code.</param>
/// <param name="To">Last code, inclusive.</param>
public readonly record struct StatusCodeRange(int From, int To)
{
    /// <summary>Parses <c>4xx</c>, <c>5xx</c>, a single code or <c>FROM-TO</c>; false for anything else.</summary>
    public static bool TryParse(string text, out StatusCodeRange range)
    {
        range = default;
        text = text.Trim().ToLowerInvariant();
        if (text.Length == 3 && text.EndsWith("xx", StringComparison.Ordinal) && text[0] is >= '1' and <= '5')
        {
            var hundred = (text[0] - '0') * 100;
            range = new StatusCodeRange(hundred, hundred + 99);
            return true;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0
            && int.TryParse(text.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture, out var from)
            && int.TryParse(text.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture, out var to)
            && from is >= 100 and <= 599 && to >= from && to <= 599)
        {
            range = new StatusCodeRange(from, to);
            return true;
        }

        if (int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599)
        {
            range = new StatusCodeRange(code, code);
            return true;
        }

        return false;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        From == To ? From.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : From % 100 == 0 && To == From + 99 ? $"{From / 100}xx"
        : $"{From}-{To}";
}
