using System.Buffers;
using System.Text.Json;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Forwarding;

/// <summary>Writes an Elasticsearch bulk body of <c>create</c> actions (event id as <c>_id</c>) for log entries.</summary>
internal static class BulkBodyWriter
{
    public static void Write(ArrayBufferWriter<byte> buffer, IReadOnlyList<WalEntry> entries, IReadOnlyList<int> which)
    {
        using var w = new Utf8JsonWriter(buffer);
        foreach (var i in which)
        {
            var entry = entries[i];
            w.Reset(buffer);
            w.WriteStartObject();
            w.WriteStartObject("create"u8);
            w.WriteString("_index"u8, entry.Index);
            w.WriteString("_id"u8, entry.Id);
            w.WriteEndObject();
            w.WriteEndObject();
            w.Flush();
            buffer.Write("\n"u8);
            buffer.Write(entry.Document.Span);
            buffer.Write("\n"u8);
        }
    }
}
