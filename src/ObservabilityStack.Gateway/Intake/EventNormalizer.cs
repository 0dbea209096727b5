using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// Validates one event and writes its normalised ECS document as a log record: <c>@timestamp</c> in
/// UTC, <c>log.level</c> normalised, <c>service.*</c> forced from the key, <c>event.id</c> and
/// <c>event.ingested</c> set. The scanner reads the event once; the record is then assembled straight
/// into the caller's buffer from raw slices of the input, so an accepted event costs one tokenizing
/// pass, one copy and a checksum, and no allocation. One instance per request (not thread-safe).
/// </summary>
internal sealed class EventNormalizer : IDisposable
{
    // Room for the fixed parts of a document ("@timestamp", "log", "service", "event", the level).
    private const int FixedOverhead = 256;
    private readonly List<FieldSpan> _fields = new(64);
    private readonly byte[] _lastId = new byte[256];
    private int _lastIdLength;

    /// <summary>Reused list of a request's event slices.</summary>
    public List<EventSlice> Slices { get; } = new(512);

    /// <summary>Data stream of the last accepted event.</summary>
    public string LastIndex { get; private set; } = string.Empty;

    /// <summary>Id of the last accepted event (allocates; the bulk API's answer needs it).</summary>
    public string LastId => Encoding.UTF8.GetString(_lastId, 0, _lastIdLength);

    /// <summary>Normalises <paramref name="json"/>; when accepted, appends its record to <paramref name="records"/>.</summary>
    /// <param name="json">One event.</param>
    /// <param name="bodyOffset">Where the event starts in the body, for error positions.</param>
    /// <param name="context">Key, limits and arrival time.</param>
    /// <param name="records">Where the framed log record goes.</param>
    /// <param name="idHint">An id supplied outside the document (a bulk action's <c>_id</c>).</param>
    /// <param name="reason">Why the event was rejected or forbidden.</param>
    public EventOutcome Normalize(ReadOnlySpan<byte> json, long bodyOffset, IntakeContext context, IBufferWriter<byte> records, string? idHint,
        out RejectReason reason)
    {
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

        Span<byte> timestamp = stackalloc byte[IsoTimestamp.Length];
        context.NowText.CopyTo(timestamp);
        Span<byte> generatedId = stackalloc byte[EventIds.Length];
        var level = "info";
        var environment = context.Environments[0];
        var message = -1;
        // The id's raw UTF-8 (the WAL's _id) and its JSON form; both slices of the input in the common case.
        scoped ReadOnlySpan<byte> idUtf8 = default;
        scoped ReadOnlySpan<byte> idJson = default;
        var namesExtra = 0;
        if (!string.IsNullOrEmpty(idHint) && !TryStringId(idHint, out idUtf8, out idJson))
        {
            reason = InvalidId();
            return EventOutcome.Rejected;
        }

        for (var i = 0; i < _fields.Count; i++)
        {
            var field = _fields[i];
            var raw = json[field.Start..field.End];
            namesExtra += field.EscapedName is { } escapedName ? escapedName.Length * 6 : 0;
            switch (field.Slot)
            {
                case FieldSlot.Timestamp:
                    if (raw.Length == IsoTimestamp.Length + 2 && raw[0] == (byte)'"' && IsoTimestamp.IsCanonical(raw[1..^1]))
                    {
                        raw[1..^1].CopyTo(timestamp);
                    }
                    else if (ScalarValues.TryTimestamp(raw, out var parsed))
                    {
                        IsoTimestamp.Format(parsed, timestamp);
                    }
                    else
                    {
                        reason = new RejectReason("invalid_timestamp", $"invalid timestamp {Excerpt(raw)}: expected ISO-8601 or epoch milliseconds");
                        return EventOutcome.Rejected;
                    }

                    break;
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
                case FieldSlot.EventId when !TryEventId(raw, out idUtf8, out idJson):
                    reason = InvalidId();
                    return EventOutcome.Rejected;
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

        if (idUtf8.IsEmpty)
        {
            EventIds.Write(context.Now, generatedId);
            idUtf8 = idJson = generatedId;
        }

        var target = context.TargetFor(environment);
        var bound = WalRecord.HeaderSize + 10 + target.IndexUtf8.Length + idUtf8.Length + json.Length + FixedOverhead +
            context.ServiceJson.Length + target.EnvironmentJson.Length + idJson.Length + namesExtra;
        var span = records.GetSpan(bound);
        var w = new RecordWriter(span, WalRecord.HeaderSize);
        WalRecord.WritePrefix(ref w, context.NowUnixMs, target.IndexUtf8, idUtf8);
        WriteDocument(ref w, json, context, timestamp, level, target.EnvironmentJson, idJson, message);
        WalRecord.Seal(span, w.Position);
        records.Advance(w.Position);
        idUtf8.CopyTo(_lastId);
        _lastIdLength = idUtf8.Length;
        LastIndex = target.Index;
        reason = default;
        return EventOutcome.Accepted;
    }

    private void WriteDocument(ref RecordWriter w, ReadOnlySpan<byte> json, IntakeContext context, scoped ReadOnlySpan<byte> timestamp, string level,
        scoped ReadOnlySpan<byte> environment, scoped ReadOnlySpan<byte> id, int message)
    {
        w.Raw("{\"@timestamp\":"u8);
        w.Quoted(timestamp);
        w.Raw(",\"message\":"u8);
        w.Raw(json[_fields[message].Start.._fields[message].End]);
        w.Raw(",\"log\":{\"level\":"u8);
        w.Quoted(LevelBytes(level));
        WriteSlot(ref w, json, FieldSlot.LogOther);
        w.Raw("},\"service\":{\"name\":"u8);
        w.Quoted(context.ServiceJson);
        w.Raw(",\"environment\":"u8);
        w.Quoted(environment);
        WriteSlot(ref w, json, FieldSlot.ServiceOther);
        w.Raw("},\"event\":{\"id\":"u8);
        w.Quoted(id);
        w.Raw(",\"ingested\":"u8);
        w.Quoted(context.NowText);
        WriteSlot(ref w, json, FieldSlot.EventOther);
        w.Byte((byte)'}');
        WriteSlot(ref w, json, FieldSlot.Other);
        w.Byte((byte)'}');
    }

    // Every slot is written after at least one fixed field, so each copied field starts with a comma.
    private void WriteSlot(ref RecordWriter w, ReadOnlySpan<byte> json, FieldSlot slot)
    {
        foreach (var field in _fields)
        {
            if (field.Slot != slot)
            {
                continue;
            }

            w.Byte((byte)',');
            if (field.EscapedName is { } escaped)
            {
                w.Name(JsonEncodedText.Encode(escaped, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes);
            }
            else
            {
                w.Name(json.Slice(field.NameStart, field.NameLength));
            }

            w.Raw(json[field.Start..field.End]);
        }
    }

    private static ReadOnlySpan<byte> LevelBytes(string level) => level switch
    {
        "trace" => "trace"u8,
        "debug" => "debug"u8,
        "warn" => "warn"u8,
        "error" => "error"u8,
        "fatal" => "fatal"u8,
        _ => "info"u8,
    };

    // event.id in the body: a string of 1-128 printable characters. Without escapes the raw bytes are the value.
    private static bool TryEventId(ReadOnlySpan<byte> raw, out ReadOnlySpan<byte> utf8, out ReadOnlySpan<byte> json)
    {
        if (raw.Length >= 3 && raw[0] == (byte)'"' && raw[1..].IndexOf((byte)'\\') < 0)
        {
            utf8 = json = raw[1..^1];
            return utf8.Length <= 255 && utf8.IndexOfAnyInRange((byte)0, (byte)' ') < 0 &&
                (utf8.Length <= 128 || Encoding.UTF8.GetCharCount(utf8) <= 128);
        }

        var given = ScalarValues.String(raw);
        utf8 = json = default;
        return given is { Length: > 0 and <= 128 } && given.AsSpan().IndexOfAnyInRange('\0', ' ') < 0 && TryStringId(given, out utf8, out json);
    }

    // An id that came as a string (escaped in the body, or a bulk _id): it must fit the log record's 255 bytes.
    private static bool TryStringId(string id, out ReadOnlySpan<byte> utf8, out ReadOnlySpan<byte> json)
    {
        var bytes = Encoding.UTF8.GetBytes(id);
        utf8 = bytes;
        json = JsonEncodedText.Encode(id, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes;
        return bytes.Length is > 0 and <= 255;
    }

    private static RejectReason InvalidId() =>
        new("invalid_event_id", "event.id must be a string of 1 to 128 printable characters (at most 255 bytes)");

    private static string Name(ReadOnlySpan<byte> json, FieldSpan field) =>
        field.EscapedName ?? Encoding.UTF8.GetString(json.Slice(field.NameStart, field.NameLength));

    private static string Excerpt(ReadOnlySpan<byte> raw) =>
        Encoding.UTF8.GetString(raw.Length > 64 ? raw[..64] : raw);

    /// <inheritdoc/>
    public void Dispose() => _fields.Clear();
}
