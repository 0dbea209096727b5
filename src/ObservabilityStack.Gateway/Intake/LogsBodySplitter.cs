using System.Text.Json;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// Cuts a <c>/v1/logs</c> body into events: a JSON array, a single object, or NDJSON (one event per
/// line, where a bad line is rejected alone). Syntax errors in an array or single object fail the body.
/// </summary>
internal static class LogsBodySplitter
{
    /// <summary>Fills <paramref name="events"/>, or returns the error that fails the whole body.</summary>
    public static BodyError? Split(ReadOnlySpan<byte> body, bool ndjson, IntakeLimits limits, List<EventSlice> events)
    {
        events.Clear();
        var first = body.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0)
        {
            return new BodyError(400, new RejectReason("empty_body", "the body contains no events"));
        }

        if (!ndjson && body[first] == (byte)'[')
        {
            return SplitArray(body, limits, events);
        }

        if (!ndjson && !HasSecondValue(body, limits, out var singleError))
        {
            if (singleError is not null)
            {
                return new BodyError(400, singleError.Value);
            }

            events.Add(new EventSlice(first, body.Length - first, null));
            return null;
        }

        return SplitLines(body, limits, events);
    }

    // True when the body parses as one value followed by more content (NDJSON sent as application/json).
    private static bool HasSecondValue(ReadOnlySpan<byte> body, IntakeLimits limits, out RejectReason? error)
    {
        error = null;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1, AllowMultipleValues = true });
        try
        {
            reader.Read();
            reader.Skip();
            return reader.Read();
        }
        catch (JsonException ex)
        {
            // A broken first line followed by more lines is still treated as NDJSON, rejecting that line alone.
            var newline = body.TrimEnd("\r\n "u8).IndexOf((byte)'\n');
            if (newline > 0 && (ex.LineNumber ?? 0) == 0)
            {
                return true;
            }

            error = JsonErrors.Describe(ex, body, 0);
            return false;
        }
    }

    private static BodyError? SplitArray(ReadOnlySpan<byte> body, IntakeLimits limits, List<EventSlice> events)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 2 });
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                var isObject = reader.TokenType == JsonTokenType.StartObject;
                reader.Skip();
                var end = (int)reader.BytesConsumed;
                events.Add(new EventSlice(start, end - start, isObject ? null : new RejectReason("not_an_object", "an event must be a JSON object")));
                if (events.Count > limits.MaxEventsPerRequest)
                {
                    return TooManyEvents(limits);
                }
            }

            if (reader.Read())
            {
                return new BodyError(400, RejectReason.Malformed($"malformed JSON at byte {reader.TokenStartIndex}: content after the array"));
            }
        }
        catch (JsonException ex)
        {
            return new BodyError(400, JsonErrors.Describe(ex, body, 0));
        }

        return null;
    }

    private static BodyError? SplitLines(ReadOnlySpan<byte> body, IntakeLimits limits, List<EventSlice> events)
    {
        var offset = 0;
        while (offset < body.Length)
        {
            var newline = body[offset..].IndexOf((byte)'\n');
            var end = newline < 0 ? body.Length : offset + newline;
            var line = body[offset..end].TrimEnd("\r \t"u8);
            var lead = line.IndexOfAnyExcept(" \t"u8);
            if (lead >= 0)
            {
                events.Add(new EventSlice(offset + lead, line.Length - lead, null));
                if (events.Count > limits.MaxEventsPerRequest)
                {
                    return TooManyEvents(limits);
                }
            }

            offset = end + 1;
        }

        return null;
    }

    private static BodyError TooManyEvents(IntakeLimits limits) =>
        new(413, new RejectReason("too_many_events", $"more than {limits.MaxEventsPerRequest} events in one request"));
}
