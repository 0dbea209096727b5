namespace ObservabilityStack.Emulator.Security;

/// <summary>The Elasticsearch action a route performs, how it is authorized, and which path value names its target.</summary>
internal sealed record RouteAction(string Action, AccessKind Kind, string? TargetParameter = null);
