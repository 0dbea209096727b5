using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting.Evaluation;

/// <summary>Measures a rule at an instant. Throws <see cref="ElasticsearchUnavailableException"/> when the store cannot answer.</summary>
public interface IRuleEvaluator
{
    /// <summary>Evaluates the rule over its window ending at <paramref name="at"/> (minus the ingest delay).</summary>
    Task<RuleEvaluation> EvaluateAsync(AlertRule rule, DateTimeOffset at, CancellationToken cancellationToken = default);
}
