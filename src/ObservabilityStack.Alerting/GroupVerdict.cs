using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting;

/// <summary>What <c>obs alerts test</c> concludes for one group.</summary>
/// <param name="Group">Group key.</param>
/// <param name="Value">The measured value in the rule's unit, e.g. <c>12.4%</c>.</param>
/// <param name="Verdict">Plain words: would fire, pending, quiet, muted, not enough data...</param>
/// <param name="Status">The status the alert would move to.</param>
/// <param name="Email">The notification that would be sent now, or null.</param>
public sealed record GroupVerdict(string Group, string Value, string Verdict, AlertStatus Status, AlertDigest? Email);
