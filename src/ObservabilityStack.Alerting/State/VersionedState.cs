namespace ObservabilityStack.Alerting.State;

/// <summary>A state as read, with the version a conditional write must match.</summary>
/// <param name="State">The state.</param>
/// <param name="Version">Its version; null when the document does not exist yet.</param>
public sealed record VersionedState(AlertState State, StateVersion? Version);
