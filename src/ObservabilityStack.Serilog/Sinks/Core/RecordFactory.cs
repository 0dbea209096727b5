using System.Buffers;
using ObservabilityStack.Serilog.Enrichers;
using ObservabilityStack.Serilog.Formatting;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>Formats events into records on the background thread. Not thread-safe: one per sink loop.</summary>
internal sealed class RecordFactory(EcsJsonFormatter formatter, Func<LogEvent, string> indexFor)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);

    public LogRecord Create(LogEvent logEvent)
    {
        var id = EventIdEnricher.Ensure(logEvent);
        _buffer.ResetWrittenCount();
        formatter.Format(logEvent, _buffer);
        return new LogRecord(id.ToString("N"), indexFor(logEvent), _buffer.WrittenSpan.ToArray());
    }
}
