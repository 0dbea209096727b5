namespace ObservabilityStack.Alerting.Evaluation;

/// <summary>One row of a "top N" list in an alert: a value (client IP, path, error type) and its count.</summary>
/// <param name="Value">The value.</param>
/// <param name="Count">Documents with that value.</param>
public sealed record TopItem(string Value, long Count);
