using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using ObservabilityStack.Serilog.Redaction;

namespace ObservabilityStack.Benchmarks.Serilog;

/// <summary>
/// The card-number pass over message text (the redaction hot path: every message with 13 or more digits goes
/// through it). Baseline is the session-3 <c>RedactText</c> kept here for the same-run ratio (the bearer check, the
/// digit count, then a regex for any 13-19 digit run with optional separators and Luhn on each match); the other
/// method is today's <c>Redactor.RedactText</c>.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public partial class RedactionBenchmarks
{
    // What services log: ids and timestamps with many digits (most messages), a few with a card in them.
    private static readonly string[] Texts =
    [
        "Order ord-1795328232413-9943 created for customer 1732258810123 at 2026-11-22T06:40:10.123Z, total 1499.00 EUR",
        "Shipment 00340434161234567890 handed to carrier, tracking 1Z999AA10123456784, eta 1732345210000",
        "Payment for ord-18f3a2b7c4d-r9f2e declined: card 4111 1111 1111 1111 expired (code 05)",
        "GET /api/v1/accounts/73021845561234/statements?from=1732258810123&to=1732345210123 200 in 12 ms",
        "Refund 5555-5555-5555-4444 of 12.50 EUR for order 20261122064010123 queued",
    ];

    private readonly RedactionOptions _options = new();
    private readonly Redactor _redactor;

    public RedactionBenchmarks()
    {
        _redactor = new Redactor(_options);
    }

    [Benchmark(Baseline = true)]
    public int LuhnOnAnyDigitRun()
    {
        var length = 0;
        foreach (var text in Texts)
        {
            var result = text;
            if (result.Contains("bearer", StringComparison.OrdinalIgnoreCase))
            {
                result = result.Replace("Bearer", _options.Mask, StringComparison.OrdinalIgnoreCase);
            }

            if (LegacyCountDigits(result) >= 13)
            {
                result = LegacyPattern().Replace(result, m => LegacyLuhn(m.ValueSpan) ? _options.Mask : m.Value);
            }

            length += result.Length;
        }

        return length;
    }

    [Benchmark]
    public int StandaloneNetworkPrefixAndLuhn()
    {
        var length = 0;
        foreach (var text in Texts)
        {
            length += _redactor.RedactText(text).Length;
        }

        return length;
    }

    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyPattern();

    private static int LegacyCountDigits(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }

    private static bool LegacyLuhn(ReadOnlySpan<char> candidate)
    {
        var sum = 0;
        var digits = 0;
        var doubleIt = false;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            if (candidate[i] is ' ' or '-')
            {
                continue;
            }

            var d = candidate[i] - '0';
            d = doubleIt ? (d > 4 ? (d * 2) - 9 : d * 2) : d;
            sum += d;
            digits++;
            doubleIt = !doubleIt;
        }

        return digits is >= 13 and <= 19 && sum % 10 == 0;
    }
}
