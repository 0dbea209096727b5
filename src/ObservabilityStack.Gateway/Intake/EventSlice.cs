namespace ObservabilityStack.Gateway.Intake;

/// <summary>Where one event lies in a body, or why it could not be cut out.</summary>
internal readonly record struct EventSlice(int Start, int Length, RejectReason? Error);
