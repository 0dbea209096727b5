namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>Delivered (including "already there"), retry later, or rejected for good.</summary>
internal enum ItemOutcomeKind
{
    Delivered,
    Retry,
    Reject,
}
