using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Json;
using ObservabilityStack.Emulator.Http;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>
/// <c>_bulk</c>: streams the NDJSON body line by line from the request pipe (no whole-body buffering),
/// applies each item under its index's lock and answers per-item results with the <c>errors</c> flag.
/// </summary>
internal static class BulkApi
{
    public static void Map(EsRouter router, EmulatorContext context)
    {
        router.Map("POST,PUT", "/_bulk", r => BulkAsync(r, context, null));
        router.Map("POST,PUT", "/{index}/_bulk", r => BulkAsync(r, context, r.Route("index")));
    }

    private static async Task BulkAsync(EsRequest r, EmulatorContext context, string? defaultIndex)
    {
        var started = Stopwatch.GetTimestamp();
        var refresh = WriteParameters.Refresh(r.Query("refresh"));
        using var session = new BulkSession(context, defaultIndex, r.Flag("require_alias"), refresh,
            Security.BulkItemGuard.For(r, context.Cluster), r.Query("pipeline"));
        var reader = r.Http.Request.BodyReader;
        var source = r.Query("source");
        if (source is not null)
        {
            reader = PipeReader.Create(new ReadOnlySequence<byte>(System.Text.Encoding.UTF8.GetBytes(source)));
        }

        while (true)
        {
            var read = await reader.ReadAsync(r.Aborted);
            var buffer = read.Buffer;
            try
            {
                while (TryReadLine(ref buffer, out var line))
                {
                    session.Line(line);
                }
            }
            finally
            {
                session.Release();
            }

            if (read.IsCompleted)
            {
                if (!buffer.IsEmpty)
                {
                    session.Line(buffer);
                }

                reader.AdvanceTo(buffer.End);
                break;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }

        session.Finish();
        var took = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var answer = session.Answer(took);
        if (r.Query("pretty") is null)
        {
            await r.WriteBytesAsync(200, answer);
            return;
        }

        using var items = JsonDocument.Parse(answer);
        await r.WriteAsync(200, w => items.WriteTo(w));
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var position = buffer.PositionOf((byte)'\n');
        if (position is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, position.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, position.Value));
        return true;
    }

    /// <summary>Writes one item's error result.</summary>
    public static void WriteItemError(Utf8JsonWriter w, string action, string? index, string? id, EmulatorException e)
    {
        w.WriteStartObject();
        w.WriteStartObject(action);
        w.WriteString("_index", index);
        w.WriteString("_id", id);
        w.WriteNumber("status", e.Status);
        w.WritePropertyName("error");
        ErrorBody.WriteItemError(w, e);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
