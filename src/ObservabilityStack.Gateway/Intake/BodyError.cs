namespace ObservabilityStack.Gateway.Intake;

/// <summary>A problem with the whole body: the request is answered with <paramref name="Status"/> and nothing is kept.</summary>
internal sealed record BodyError(int Status, RejectReason Reason);
