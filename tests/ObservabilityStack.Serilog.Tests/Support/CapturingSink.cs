using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Tests.Support;

/// <summary>Keeps every event it receives.</summary>
internal sealed class CapturingSink : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}
