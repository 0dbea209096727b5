using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// Validates one event and writes its normalised ECS document as a log record: <c>@timestamp</c> in
/// UTC, <c>log.level</c> normalised, <c>service.*</c> forced from the key, <c>event.id</c> and
/// <c>event.ingested</c> set. One instance per request (not thread-safe; buffers are reused).
/// </summary>
internal sealed class EventNormalizer : IDisposable
{
    private static readonly JsonWriterOptions s_writerOptions = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly List<FieldSpan> _fields = new(64);
    private readonly ArrayBufferWriter<byte> _document = new(4096);
    private readonly Utf8JsonWriter _writer;

    public EventNormalizer() => _writer = new Utf8JsonWriter(_document, s_writerOptions);

    /// <summary>Normalises <paramref name="json"/>; when accepted, appends its record to <paramref name="records"/>.</summary>
    /// <param name="json">One event.</param>
    /// <param name="bodyOffset">Where the event starts in the body, for error positions.</param>
    /// <param name="context">Key, limits and arrival time.</param>
    /// <param name="records">Where the framed log record goes.</param>
    /// <param name="idHint">An id supplied outside the document (a bulk action's <c>_id</c>).</param>
    /// <param name="reason">Why the event was rejected or forbidden.</param>
    /// <param name="id">The event id written.</param>
    /// <param name="index">The data stream written to.</param>
    public EventOutcome Normalize(ReadOnlySpan<byte> json, long bodyOffset, IntakeContext context, IBufferWriter<byte> records, string? idHint,
        out RejectReason reason, out string id, out string index)
    {
        id = index = string.Empty;
        if (json.Length > context.Limits.MaxEventBytes)
        {
            reason = new RejectReason("event_too_large", $"event of {json.Length} bytes is larger than {context.Limits.MaxEventBytes}");
            return EventOutcome.Rejected;
        }

        if (EventScanner.Scan(json, bodyOffset, context.Limits, _fields) is { } scanError)
        {
            reason = scanError;
            return EventOutcome.Rejected;
        }

        var timestamp = context.Now;
        var level = "info";
        var environment = context.Environments[0];
        var message = -1;
        id = idHint ?? string.Empty;
        for (var i = 0; i < _fields.Count; i++)
        {
            var field = _fields[i];
            var raw = json[field.Start..field.End];
            switch (field.Slot)
            {
                case FieldSlot.Timestamp when !ScalarValues.TryTimestamp(raw, out timestamp):
                    reason = new RejectReason("invalid_timestamp", $"invalid timestamp {Excerpt(raw)}: expected ISO-8601 or epoch milliseconds");
                    return EventOutcome.Rejected;
                case FieldSlot.Level:
                    level = ScalarValues.Level(raw)!;
                    if (level is null)
                    {
                        reason = new RejectReason("invalid_level", $"unknown level {Excerpt(raw)}: expected trace|debug|info|warn|error|fatal");
                        return EventOutcome.Rejected;
                    }

                    break;
                case FieldSlot.Message:
                    if (raw.Length == 0 || raw[0] != (byte)'"')
                    {
                        reason = new RejectReason("invalid_message", "message must be a string");
                        return EventOutcome.Rejected;
                    }

                    message = i;
                    break;
                case FieldSlot.ServiceName when !string.Equals(ScalarValues.String(raw), context.Service, StringComparison.OrdinalIgnoreCase):
                    reason = new RejectReason("forbidden_service", $"this key writes service '{context.Service}' only, not {Excerpt(raw)}");
                    return EventOutcome.Forbidden;
                case FieldSlot.ServiceEnvironment:
                    var allowed = ScalarValues.String(raw) is { } requested ? context.AllowedEnvironment(requested) : null;
                    if (allowed is null)
                    {
                        reason = new RejectReason("forbidden_environment", $"this key may not write environment {Excerpt(raw)} (allowed: {string.Join(", ", context.Environments)})");
                        return EventOutcome.Forbidden;
                    }

                    environment = allowed;
                    break;
                case FieldSlot.EventId:
                    var given = ScalarValues.String(raw);
                    if (given is null || given.Length is 0 or > 128 || given.AsSpan().IndexOfAnyInRange('\0', ' ') >= 0)
                    {
                        reason = new RejectReason("invalid_event_id", "event.id must be a string of 1 to 128 printable characters");
                        return EventOutcome.Rejected;
                    }

                    id = given;
                    break;
                case FieldSlot.Reserved:
                    reason = new RejectReason("reserved_field", $"field '{Name(json, field)}' is reserved");
                    return EventOutcome.Rejected;
            }
        }

        if (message < 0 || _fields[message].End - _fields[message].Start <= 2)
        {
            reason = new RejectReason("missing_message", "message is required");
            return EventOutcome.Rejected;
        }

        if (id.Length == 0)
        {
            id = EventIds.Next(context.Now);
        }

        index = context.IndexFor(environment);
        WriteDocument(json, context, timestamp, level, environment, id);
        WalRecord.Write(records, context.Now.ToUnixTimeMilliseconds(), index, Encoding.UTF8.GetBytes(id), _document.WrittenSpan);
        reason = default;
        return EventOutcome.Accepted;
    }

    private void WriteDocument(ReadOnlySpan<byte> json, IntakeContext context, DateTimeOffset timestamp, string level, string environment, string id)
    {
        _document.ResetWrittenCount();
        _writer.Reset(_document);
        var w = _writer;
        w.WriteStartObject();
        WriteDate(w, "@timestamp"u8, timestamp);
        WriteSlot(w, json, FieldSlot.Message, lastOnly: true);
        w.WriteStartObject("log"u8);
        w.WriteString("level"u8, level);
        WriteSlot(w, json, FieldSlot.LogOther, lastOnly: false);
        w.WriteEndObject();
        w.WriteStartObject("service"u8);
        w.WriteString("name"u8, context.Service);
        w.WriteString("environment"u8, environment);
        WriteSlot(w, json, FieldSlot.ServiceOther, lastOnly: false);
        w.WriteEndObject();
        w.WriteStartObject("event"u8);
        w.WriteString("id"u8, id);
        WriteDate(w, "ingested"u8, context.Now);
        WriteSlot(w, json, FieldSlot.EventOther, lastOnly: false);
        w.WriteEndObject();
        WriteSlot(w, json, FieldSlot.Other, lastOnly: false);
        w.WriteEndObject();
        w.Flush();
    }

    private void WriteSlot(Utf8JsonWriter w, ReadOnlySpan<byte> json, FieldSlot slot, bool lastOnly)
    {
        for (var i = lastOnly ? _fields.Count - 1 : 0; lastOnly ? i >= 0 : i < _fields.Count; i += lastOnly ? -1 : 1)
        {
            var field = _fields[i];
            if (field.Slot != slot)
            {
                continue;
            }

            if (slot == FieldSlot.Message)
            {
                w.WritePropertyName("message"u8);
            }
            else if (field.EscapedName is { } escaped)
            {
                w.WritePropertyName(escaped);
            }
            else
            {
                w.WritePropertyName(json.Slice(field.NameStart, field.NameLength));
            }

            w.WriteRawValue(json[field.Start..field.End], skipInputValidation: true);
            if (lastOnly)
            {
                return;
            }
        }
    }

    private static void WriteDate(Utf8JsonWriter w, ReadOnlySpan<byte> name, DateTimeOffset value)
    {
        // Hand-rolled "yyyy-MM-ddTHH:mm:ss.fffZ": custom format strings cost more than the rest of an event.
        Span<byte> text = stackalloc byte[24];
        var t = value.UtcDateTime;
        Digits(text[..4], t.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), t.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), t.Day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), t.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), t.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), t.Second);
        text[19] = (byte)'.';
        Digits(text.Slice(20, 3), t.Millisecond);
        text[23] = (byte)'Z';
        w.WriteString(name, text);
    }

    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static string Name(ReadOnlySpan<byte> json, FieldSpan field) =>
        field.EscapedName ?? Encoding.UTF8.GetString(json.Slice(field.NameStart, field.NameLength));

    private static string Excerpt(ReadOnlySpan<byte> raw) =>
        Encoding.UTF8.GetString(raw.Length > 64 ? raw[..64] : raw);

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();
}
