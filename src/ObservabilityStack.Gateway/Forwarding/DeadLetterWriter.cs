using System.Buffers;
using System.Text;
using System.Text.Json;
using ObservabilityStack.Elasticsearch.Documents;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Forwarding;

/// <summary>
/// Builds dead-letter documents: the original document kept verbatim in <c>event.original</c> (a string,
/// so it cannot fail the mapping again), Elasticsearch's error in <c>error.*</c>, the intended stream in
/// <c>labels.deadletter_index</c>. Sent to <c>logs-deadletter-{namespace}</c> with the same <c>_id</c>.
/// </summary>
internal static class DeadLetterWriter
{
    public static void Write(ArrayBufferWriter<byte> buffer, WalEntry entry, BulkItemResult failure, DateTimeOffset now)
    {
        var index = entry.IndexString;
        var ns = index[(index.LastIndexOf('-') + 1)..];
        using var w = new Utf8JsonWriter(buffer);
        w.WriteStartObject();
        w.WriteStartObject("create"u8);
        w.WriteString("_index"u8, DataStreamName.DeadLetter(ns));
        w.WriteString("_id"u8, entry.Id);
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        buffer.Write("\n"u8);
        w.Reset(buffer);
        w.WriteStartObject();
        w.WriteString("@timestamp"u8, now.UtcDateTime);
        w.WriteString("message"u8, $"Elasticsearch rejected an event for {index}: {failure.ErrorType}: {failure.Reason}");
        w.WriteStartObject("log"u8);
        w.WriteString("level"u8, "error");
        w.WriteEndObject();
        w.WriteStartObject("event"u8);
        w.WriteString("id"u8, entry.Id);
        w.WriteString("kind"u8, "pipeline_error");
        w.WriteString("original"u8, Encoding.UTF8.GetString(entry.Document.Span));
        w.WriteEndObject();
        w.WriteStartObject("error"u8);
        w.WriteString("type"u8, failure.ErrorType ?? "unknown");
        w.WriteString("message"u8, failure.Reason ?? string.Empty);
        w.WriteNumber("code"u8, failure.Status);
        w.WriteEndObject();
        w.WriteStartObject("labels"u8);
        w.WriteString("deadletter_index"u8, index);
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        buffer.Write("\n"u8);
    }
}
