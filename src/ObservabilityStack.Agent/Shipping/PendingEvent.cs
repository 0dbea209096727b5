using ObservabilityStack.Agent.Parsing;
using ObservabilityStack.Agent.Reading;

namespace ObservabilityStack.Agent.Shipping;

/// <summary>An event waiting to be sent, with the file position it settles once the gateway accepted it.</summary>
/// <param name="Line">The (joined) line it came from.</param>
/// <param name="Json">The event as one NDJSON line, without the newline.</param>
internal sealed record PendingEvent(LogLine Line, byte[] Json);
