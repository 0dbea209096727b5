namespace ObservabilityStack.Serilog.Sinks.Durable;

/// <summary>A place in the buffer: segment number and byte offset in it.</summary>
internal readonly record struct BufferPosition(long Segment, long Offset);
