using ObservabilityStack.Alerting.Evaluation;

namespace ObservabilityStack.Alerting;

/// <summary>The outcome of <c>obs alerts test RULE</c>: the search made and a verdict per group. Nothing is sent or stored.</summary>
/// <param name="Evaluation">The evaluation (range, query, groups).</param>
/// <param name="Verdicts">One verdict per group, largest value first.</param>
/// <param name="StateNote">Why stored state was not used, if it was not.</param>
public sealed record RuleTestResult(RuleEvaluation Evaluation, IReadOnlyList<GroupVerdict> Verdicts, string? StateNote);
