using System.Text.Json;
using ObservabilityStack.Elasticsearch.Serialization;

namespace ObservabilityStack.Elasticsearch.Bulk;

/// <summary>
/// Writes bulk NDJSON (action line, then document line) into a pooled buffer and flushes it to the request
/// stream in chunks, so a large batch never becomes one giant string or array.
/// </summary>
internal static class BulkBodyWriter
{
    /// <summary>Buffered bytes that trigger a flush to the stream.</summary>
    internal const int FlushThreshold = 64 * 1024;

    private static readonly JsonEncodedText IndexProperty = JsonEncodedText.Encode("_index");
    private static readonly JsonEncodedText IdProperty = JsonEncodedText.Encode("_id");
    private static readonly JsonEncodedText[] ActionNames =
    [
        JsonEncodedText.Encode("index"), JsonEncodedText.Encode("create"),
        JsonEncodedText.Encode("delete"), JsonEncodedText.Encode("update"),
    ];

    public static async Task WriteAsync(Stream stream, IReadOnlyList<BulkOperation> operations, CancellationToken cancellationToken)
    {
        using var buffer = new PooledBufferWriter(FlushThreshold + 16 * 1024);
        using var json = new Utf8JsonWriter(buffer);
        for (var i = 0; i < operations.Count; i++)
        {
            Write(buffer, json, operations[i]);
            if (buffer.WrittenCount >= FlushThreshold)
            {
                await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.Clear();
            }
        }

        if (buffer.WrittenCount > 0)
        {
            await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes one action (and its document line unless it is a delete).</summary>
    public static void Write(PooledBufferWriter buffer, Utf8JsonWriter json, in BulkOperation operation)
    {
        if (string.IsNullOrEmpty(operation.Index))
        {
            throw new ArgumentException("Every bulk operation needs an index or data stream name.", nameof(operation));
        }

        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteStartObject(ActionNames[(int)operation.Type]);
        json.WriteString(IndexProperty, operation.Index);
        if (!string.IsNullOrEmpty(operation.Id))
        {
            json.WriteString(IdProperty, operation.Id);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        buffer.Write((byte)'\n');
        if (operation.Type == BulkOperationType.Delete)
        {
            return;
        }

        var document = operation.Document.Span;
        if (document.IsEmpty)
        {
            throw new ArgumentException($"Bulk {operation.Type} of '{operation.Id}' into '{operation.Index}' has no document.", nameof(operation));
        }

        if (document.IndexOfAny((byte)'\n', (byte)'\r') < 0)
        {
            buffer.Write(document);
        }
        else
        {
            // A line break outside strings is only whitespace in valid JSON; re-emit compactly so NDJSON stays intact.
            using var parsed = JsonDocument.Parse(operation.Document);
            json.Reset(buffer);
            parsed.WriteTo(json);
            json.Flush();
        }

        buffer.Write((byte)'\n');
    }
}
