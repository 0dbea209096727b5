namespace ObservabilityStack.Alerting.State;

/// <summary>The result of applying one evaluation to an alert: the next state and what, if anything, to send.</summary>
/// <param name="Next">The state to persist.</param>
/// <param name="Notify">The notification to send once the state is persisted; null for none.</param>
/// <param name="Changed">False when nothing worth persisting changed.</param>
public sealed record StateTransition(AlertState Next, NotificationKind? Notify, bool Changed);
