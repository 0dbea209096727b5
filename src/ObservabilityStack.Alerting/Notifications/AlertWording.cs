using System.Globalization;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Notifications;

/// <summary>How values, thresholds and measures read in subjects and bodies.</summary>
internal static class AlertWording
{
    public static string Label(NotificationKind kind, Severity severity) => kind switch
    {
        NotificationKind.Resolved => "RESOLVED",
        NotificationKind.Escalation => $"ESCALATED {Name(severity)}",
        NotificationKind.SelfAlert => "ALERTING DEGRADED",
        NotificationKind.Repeat => $"STILL FIRING {Name(severity)}",
        _ => $"FIRING {Name(severity)}",
    };

    public static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>What is measured, e.g. <c>5xx</c>, <c>request rate</c>, <c>System.TimeoutException</c>.</summary>
    public static string Measure(AlertRule rule, IReadOnlyDictionary<string, string>? fields) => rule.Type switch
    {
        RuleType.HttpStatus => string.Join('+', rule.StatusCodes),
        RuleType.RequestRate => "request rate",
        RuleType.Exception => fields is not null && fields.TryGetValue("error.type", out var t) ? t : "exceptions",
        RuleType.Absence => "log events",
        _ => rule.Metric == "count" ? rule.Name : $"{rule.Name} {rule.Metric}",
    };

    /// <summary>A value in the rule's unit: <c>12.4%</c>, <c>250 req/s</c>, <c>37</c>.</summary>
    public static string Value(AlertRule rule, double value)
    {
        var number = value.ToString(value >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture);
        return rule.Type switch
        {
            RuleType.HttpStatus when rule.Measure == HttpStatusMeasure.Ratio => number + "%",
            RuleType.RequestRate => number + " req/s",
            _ => number,
        };
    }

    /// <summary>The condition, e.g. <c>threshold 5%</c> or <c>threshold: fewer than 1</c>.</summary>
    public static string Threshold(AlertRule rule) => rule.Condition == Comparison.Above
        ? $"threshold {Value(rule, rule.Threshold)}"
        : $"threshold: below {Value(rule, rule.Threshold)}";

    public static string Duration(TimeSpan span) => Durations.Format(span);

    public static string Ago(DateTimeOffset since, DateTimeOffset now)
    {
        var d = now - since;
        return d < TimeSpan.FromMinutes(1) ? "just now"
            : d < TimeSpan.FromHours(1) ? $"{(int)d.TotalMinutes} min ago"
            : d < TimeSpan.FromDays(1) ? $"{(int)d.TotalHours} h {d.Minutes} min ago"
            : $"{(int)d.TotalDays} d ago";
    }
}
