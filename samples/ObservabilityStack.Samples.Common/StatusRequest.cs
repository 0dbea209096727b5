namespace ObservabilityStack.Samples.Common;

/// <summary>The body that changes an order's status.</summary>
public sealed record StatusRequest(string? Status);
