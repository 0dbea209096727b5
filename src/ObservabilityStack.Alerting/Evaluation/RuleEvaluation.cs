using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting.Evaluation;

/// <summary>The outcome of evaluating one rule once: per-group values plus the query that produced them.</summary>
public sealed record RuleEvaluation
{
    /// <summary>The rule evaluated.</summary>
    public required AlertRule Rule { get; init; }

    /// <summary>The instant of the evaluation.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The time range searched.</summary>
    public required EvaluationRange Range { get; init; }

    /// <summary>Per-group results; groups without data do not appear (absence rules list every service).</summary>
    public required IReadOnlyList<GroupResult> Groups { get; init; }

    /// <summary>The search sent (index and body), for <c>obs alerts test</c> and Kibana links.</summary>
    public required RuleQuery Query { get; init; }
}
