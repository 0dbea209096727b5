using System.Buffers;
using System.Text.Json;
using ObservabilityStack.Serilog.Sinks.Core;

namespace ObservabilityStack.Serilog.Sinks.Elasticsearch;

/// <summary>
/// Writes a <c>_bulk</c> body of <c>create</c> actions with <c>_id</c> = event id, so a retried batch never duplicates.
/// Small and replaceable by the client's typed bulk API. Not thread-safe (one per sink loop).
/// </summary>
internal sealed class BulkRequestWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    public ReadOnlySpan<byte> Write(IReadOnlyList<LogRecord> batch)
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        foreach (var record in batch)
        {
            writer.Reset(_buffer);
            writer.WriteStartObject();
            writer.WriteStartObject("create");
            writer.WriteString("_index", record.Index);
            writer.WriteString("_id", record.Id);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            _buffer.Write("\n"u8);
            _buffer.Write(record.Json);
            _buffer.Write("\n"u8);
        }

        return _buffer.WrittenSpan;
    }
}
