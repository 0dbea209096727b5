using System.Text.Encodings.Web;
using System.Text.Json;

namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>
/// Appends rejected events to an NDJSON file, one line each:
/// <c>{"@timestamp":..., "reason":..., "index":..., "event.id":..., "event":{the document}}</c>.
/// </summary>
internal sealed class DeadLetterWriter(string path, TimeProvider clock)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock _lock = new();

    public void Write(IReadOnlyList<(LogRecord Record, string Reason)> rejected)
    {
        using var buffer = new MemoryStream();
        foreach (var (record, reason) in rejected)
        {
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("@timestamp", clock.GetUtcNow().UtcDateTime);
                writer.WriteString("reason", reason);
                writer.WriteString("index", record.Index);
                writer.WriteString("event.id", record.Id);
                writer.WritePropertyName("event");
                writer.WriteRawValue(record.Json, skipInputValidation: true);
                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        lock (_lock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            buffer.Position = 0;
            buffer.CopyTo(file);
            file.Flush(flushToDisk: true);
        }
    }
}
