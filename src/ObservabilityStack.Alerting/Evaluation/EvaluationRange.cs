using System.Globalization;
using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting.Evaluation;

/// <summary>The half-open time range <c>[From, To)</c> one evaluation looks at.</summary>
/// <param name="From">Start, inclusive.</param>
/// <param name="To">End, exclusive.</param>
public readonly record struct EvaluationRange(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary><c>[now - window - delay, now - delay)</c>: the delay lets late documents arrive before they are counted.</summary>
    public static EvaluationRange For(AlertRule rule, DateTimeOffset now) =>
        new(now - rule.Window - rule.IngestDelay, now - rule.IngestDelay);

    /// <summary>Length of the range.</summary>
    public TimeSpan Length => To - From;

    /// <summary>Formats an instant the way every Elasticsearch date parser accepts (UTC, milliseconds).</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
