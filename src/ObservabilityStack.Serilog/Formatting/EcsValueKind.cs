namespace ObservabilityStack.Serilog.Formatting;

/// <summary>How a mapped ECS field is written: as a JSON string or, when the value is numeric, a number.</summary>
internal enum EcsValueKind
{
    String,
    Number,
}
