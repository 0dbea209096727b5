namespace ObservabilityStack.Serilog.Formatting;

/// <summary>One row of the mapping table: a log event property and the ECS field it becomes.</summary>
internal sealed record EcsField(string Property, string Path, EcsValueKind Kind);
