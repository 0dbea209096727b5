using Serilog.Events;

namespace ObservabilityStack.Serilog.Sinks;

/// <summary>Failed events and the reason, given to the failure callback of a sink.</summary>
/// <param name="Kind">Dropped or dead-lettered.</param>
/// <param name="Reason">Why, in words (for example <c>queue full (100000)</c> or the backend's rejection).</param>
/// <param name="Count">How many events failed.</param>
/// <param name="Events">The events themselves when they failed before formatting (at <c>Emit</c>); else empty.</param>
/// <param name="Documents">The ECS JSON documents when they failed after formatting; else empty.</param>
public sealed record SinkFailure(
    SinkFailureKind Kind,
    string Reason,
    int Count,
    IReadOnlyList<LogEvent> Events,
    IReadOnlyList<string> Documents);
