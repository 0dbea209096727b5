namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>What the backend said about one event of a batch.</summary>
internal readonly record struct ItemOutcome(ItemOutcomeKind Kind, string? Reason = null)
{
    public static readonly ItemOutcome Delivered = new(ItemOutcomeKind.Delivered);
}
