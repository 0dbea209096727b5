using System.Buffers;
using System.Text.Json;
using ObservabilityStack.Gateway.Auth;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// Turns an Elasticsearch bulk body into log records. <c>index</c> and <c>create</c> are accepted (the
/// target is rewritten to the key's own data stream, <c>_id</c> becomes <c>event.id</c>); <c>update</c> and
/// <c>delete</c> are refused per item, since the gateway only appends.
/// </summary>
internal static class BulkBatch
{
    public static BodyError? Process(ReadOnlySpan<byte> body, ApiKeyRecord key, IntakeLimits limits, DateTimeOffset now,
        EventNormalizer normalizer, IBufferWriter<byte> records, List<BulkItem> items)
    {
        if (Utf8Check.Validate(body) is { } utf8)
        {
            return utf8;
        }

        var context = new IntakeContext(key.Service, key.Environments, limits, now);
        var offset = 0;
        while (NextLine(body, ref offset, out var actionStart, out var action))
        {
            if (!TryReadAction(action, out var name, out var id, out var error))
            {
                return new BodyError(400, RejectReason.Malformed($"malformed bulk action at byte {actionStart}: {error}"));
            }

            if (items.Count >= limits.MaxEventsPerRequest)
            {
                return new BodyError(413, new RejectReason("too_many_events", $"more than {limits.MaxEventsPerRequest} actions in one request"));
            }

            if (name == "delete")
            {
                items.Add(new BulkItem(name, context.IndexFor(context.Environments[0]), id ?? string.Empty, 400, Unsupported(name)));
                continue;
            }

            if (!NextLine(body, ref offset, out var sourceStart, out var source))
            {
                return new BodyError(400, RejectReason.Malformed($"bulk action at byte {actionStart} has no source line"));
            }

            if (name is not ("index" or "create"))
            {
                items.Add(new BulkItem(name, context.IndexFor(context.Environments[0]), id ?? string.Empty, 400, Unsupported(name)));
                continue;
            }

            var outcome = normalizer.Normalize(source, sourceStart, context, records, id, out var reason);
            if (outcome == EventOutcome.Forbidden)
            {
                return new BodyError(403, reason);
            }

            items.Add(outcome == EventOutcome.Accepted
                ? new BulkItem(name, normalizer.LastIndex, normalizer.LastId, 201, null)
                : new BulkItem(name, context.IndexFor(context.Environments[0]), id ?? string.Empty, 400, reason));
        }

        return items.Count == 0 ? new BodyError(400, new RejectReason("empty_body", "the bulk body contains no actions")) : null;
    }

    private static RejectReason Unsupported(string action) =>
        new("unsupported_action", $"the gateway only appends: '{action}' is not supported (use index or create)");

    private static bool NextLine(ReadOnlySpan<byte> body, ref int offset, out int start, out ReadOnlySpan<byte> line)
    {
        while (offset < body.Length)
        {
            start = offset;
            var newline = body[offset..].IndexOf((byte)'\n');
            var end = newline < 0 ? body.Length : offset + newline;
            line = body[offset..end].Trim(" \t\r"u8);
            offset = end + 1;
            if (!line.IsEmpty)
            {
                start += body[start..end].IndexOfAnyExcept(" \t\r"u8);
                return true;
            }
        }

        start = offset;
        line = default;
        return false;
    }

    private static bool TryReadAction(ReadOnlySpan<byte> line, out string name, out string? id, out string error)
    {
        name = string.Empty;
        id = null;
        error = string.Empty;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 4 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
            {
                error = "expected {\"index\"|\"create\":{...}}";
                return false;
            }

            name = reader.GetString()!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "the action must be an object";
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("_id"u8);
                reader.Read();
                if (isId && reader.TokenType == JsonTokenType.String)
                {
                    id = reader.GetString();
                }

                reader.Skip();
            }

            return true;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return false;
        }
    }
}
