using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ObservabilityStack.Elasticsearch.Ecs;

namespace ObservabilityStack.Elasticsearch.Tests.Ecs;

/// <summary>
/// The hand-written timestamp reader against the pattern it replaced (the gateway's ticket reader used it), on lines
/// built from timestamp pieces: both must accept the same lines with the same instant and length.
/// </summary>
public sealed partial class LeadingTimestampOracleTests
{
    private static readonly string[] Pieces =
    [
        "2026-11-20", "0001-01-01", "9999-12-31", "2026-02-30", "T", " ", "10:15:30", "23:59:59", "24:00:00", ".", ",", "5", "123",
        "1234567890", ":", "Z", "+02:00", "-0530", "+25:00", "+05:0", "]", "[", "x", "\t", "1",
    ];

    [GeneratedRegex(@"^\[?(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?\s?(Z|[+-]\d{2}:?\d{2})?(?![\d:])", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [Fact]
    public void TheReaderAgreesWithThePatternOnGeneratedLines()
    {
        var random = new Random(20261122);
        var disagreements = new List<string>();
        for (var n = 0; n < 20_000; n++)
        {
            var line = Line(random);
            var expected = Oracle(line);
            var actual = LogLineFields.TryReadTimestamp(line, out var at, out var length) ? (at, length) : ((DateTimeOffset, int)?)null;
            if (expected != actual)
            {
                disagreements.Add($"'{line}': pattern {expected}, reader {actual}");
            }
        }

        disagreements.ShouldBeEmpty(string.Join('\n', disagreements.Take(10)));
    }

    private static string Line(Random random)
    {
        var builder = new StringBuilder();
        if (random.Next(4) == 0)
        {
            builder.Append('[');
        }

        builder.Append(Pieces[random.Next(4)]).Append(random.Next(3) == 0 ? ' ' : 'T').Append(Pieces[6 + random.Next(3)]);
        for (var i = random.Next(5); i > 0; i--)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    // The old reader: the pattern, then the parts as ISO 8601 for DateTimeOffset.TryParse; the length as the
    // new reader counts it (the match, and a closing bracket after a bracketed one).
    private static (DateTimeOffset, int)? Oracle(string line)
    {
        var match = Pattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var fraction = match.Groups[3].Success ? "." + match.Groups[3].Value[..Math.Min(7, match.Groups[3].Length)] : string.Empty;
        var offset = match.Groups[4].Success ? match.Groups[4].Value : "Z";
        if (offset.Length == 5)
        {
            offset = offset[..3] + ":" + offset[3..];
        }

        if (!DateTimeOffset.TryParse($"{match.Groups[1].Value}T{match.Groups[2].Value}{fraction}{offset}", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return null;
        }

        var length = match.Groups[4].Success ? match.Length : match.Groups[3].Success ? match.Groups[3].Index + match.Groups[3].Length
            : match.Groups[2].Index + match.Groups[2].Length;
        return (at, line[0] == '[' && length < line.Length && line[length] == ']' ? length + 1 : length);
    }
}
