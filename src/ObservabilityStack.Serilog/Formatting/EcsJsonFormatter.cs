using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ObservabilityStack.Serilog.Redaction;
using Serilog.Events;
using Serilog.Formatting;

namespace ObservabilityStack.Serilog.Formatting;

/// <summary>
/// Writes one log event as one ECS JSON document (a single line). Mapped properties become ECS fields through
/// <see cref="EcsFieldMap"/>; other string scalars go to <c>labels.*</c>, everything else to <c>attributes</c>.
/// Thread-safe; the sinks call it on their background thread, never at the call site.
/// </summary>
public sealed class EcsJsonFormatter : ITextFormatter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Logs are not embedded in HTML; relaxed escaping keeps non-ASCII text readable and the writer fast.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonEncodedText TimestampName = JsonEncodedText.Encode("@timestamp");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText LevelFieldName = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText LabelsName = JsonEncodedText.Encode("labels");
    private static readonly JsonEncodedText AttributesName = JsonEncodedText.Encode("attributes");

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    // Per-thread scratch reused for every event: the slot table and the rendered message.
    [ThreadStatic]
    private static LogEventPropertyValue?[]? t_slots;

    [ThreadStatic]
    private static StringWriter? t_message;

    // One writer per thread, re-pointed at each output: a new Utf8JsonWriter per event was the largest allocation.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly PropertyValueWriter _values;
    private readonly Redactor _redactor;

    /// <summary>Creates a formatter with the given limits and redaction (defaults when null).</summary>
    public EcsJsonFormatter(EcsFormatterOptions? options = null)
    {
        options ??= new EcsFormatterOptions();
        _values = new PropertyValueWriter(options);
        _redactor = new Redactor(options.Redaction);
    }

    /// <summary>Writes the document followed by a newline.</summary>
    public void Format(LogEvent logEvent, TextWriter output)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        Format(logEvent, buffer);
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Write('\n');
    }

    /// <summary>Writes the document (no trailing newline) as UTF-8 into <paramref name="output"/>.</summary>
    public void Format(LogEvent logEvent, IBufferWriter<byte> output)
    {
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(output, WriterOptions);
        }
        else
        {
            writer.Reset(output);
        }

        try
        {
            Write(logEvent, writer);
            writer.Flush();
        }
        finally
        {
            // Drop the reference to the caller's buffer and any half-written state after a failure.
            writer.Reset(DetachedOutput.Instance);
        }
    }

    private void Write(LogEvent logEvent, Utf8JsonWriter writer)
    {
        var properties = _redactor.IsEnabled ? _redactor.Redact(logEvent.Properties) : logEvent.Properties;
        var slots = t_slots ??= new LogEventPropertyValue?[EcsFieldMap.Fields.Length];
        Array.Clear(slots);
        var extras = false;
        foreach (var (name, value) in AsDictionary(properties))
        {
            if (EcsFieldMap.SlotByProperty.TryGetValue(name, out var slot))
            {
                slots[slot] = value;
            }
            else
            {
                extras |= !EcsFieldMap.Ignored.Contains(name);
            }
        }

        writer.WriteStartObject();
        writer.WriteString(TimestampName, logEvent.Timestamp.UtcDateTime);
        WriteMessage(writer, logEvent, properties);
        foreach (var group in EcsFieldMap.Groups)
        {
            WriteGroup(writer, group, slots, logEvent.Level);
        }

        if (logEvent.Exception is not null)
        {
            WriteError(writer, logEvent.Exception);
        }

        if (extras)
        {
            WriteExtras(writer, properties, labels: true);
            WriteExtras(writer, properties, labels: false);
        }

        writer.WriteEndObject();
    }

    // The message is rendered into a reused writer and written from its buffer: no StringWriter and no string per
    // event, unless redaction finds something to mask.
    private void WriteMessage(Utf8JsonWriter writer, LogEvent logEvent, IReadOnlyDictionary<string, LogEventPropertyValue> properties)
    {
        var text = t_message ??= new StringWriter(CultureInfo.InvariantCulture);
        var builder = text.GetStringBuilder();
        builder.Clear();
        logEvent.MessageTemplate.Render(properties, text, CultureInfo.InvariantCulture);
        writer.WritePropertyName(MessageName);
        if (builder.Length <= 4096 && builder.GetChunks() is var chunks && chunks.MoveNext() && chunks.Current.Length == builder.Length
            && !(_redactor.IsEnabled && _redactor.MightNeedRedaction(chunks.Current.Span)))
        {
            _values.WriteString(writer, chunks.Current.Span);
            return;
        }

        var message = builder.ToString();
        _values.WriteString(writer, _redactor.IsEnabled ? _redactor.RedactText(message) : message);
    }

    // LogEvent.Properties is a Dictionary: enumerating it as one avoids a boxed enumerator per loop.
    private static Dictionary<string, LogEventPropertyValue> AsDictionary(IReadOnlyDictionary<string, LogEventPropertyValue> properties) =>
        properties as Dictionary<string, LogEventPropertyValue> ?? new Dictionary<string, LogEventPropertyValue>(properties, StringComparer.Ordinal);

    private void WriteGroup(Utf8JsonWriter writer, EcsObjectGroup group, LogEventPropertyValue?[] slots, LogEventLevel level)
    {
        var isLog = group.Name == "log";
        var open = false;
        if (isLog)
        {
            writer.WriteStartObject(group.EncodedName);
            writer.WriteString(LevelFieldName, LevelName(level));
            open = true;
        }

        string? child = null;
        foreach (var (memberChild, childName, leaf, slot) in group.Members)
        {
            var value = slots[slot];
            if (value is null)
            {
                continue;
            }

            if (!open)
            {
                writer.WriteStartObject(group.EncodedName);
                open = true;
            }

            if (memberChild != child)
            {
                if (child is not null)
                {
                    writer.WriteEndObject();
                }

                if (memberChild is not null)
                {
                    writer.WriteStartObject(childName);
                }

                child = memberChild;
            }

            writer.WritePropertyName(leaf);
            WriteMapped(writer, value, EcsFieldMap.Fields[slot].Kind);
        }

        if (child is not null)
        {
            writer.WriteEndObject();
        }

        if (open)
        {
            writer.WriteEndObject();
        }
    }

    private void WriteMapped(Utf8JsonWriter writer, LogEventPropertyValue value, EcsValueKind kind)
    {
        if (value is not ScalarValue scalar)
        {
            _values.WriteValue(writer, value, 1);
            return;
        }

        if (kind == EcsValueKind.Number ? PropertyValueWriter.IsNumber(scalar.Value) : !PropertyValueWriter.IsNumber(scalar.Value))
        {
            _values.WriteScalar(writer, scalar.Value);
        }
        else
        {
            // Ids logged as numbers (OrderId 42) stay keywords, so one field never holds two JSON types.
            _values.WriteString(writer, Convert.ToString(scalar.Value, CultureInfo.InvariantCulture) ?? string.Empty);
        }
    }

    private void WriteError(Utf8JsonWriter writer, Exception exception)
    {
        var message = exception.Message;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            message = string.Concat(message, " ---> ", inner.GetType().FullName, ": ", inner.Message);
        }

        writer.WriteStartObject("error");
        writer.WriteString("type", exception.GetType().FullName);
        _values.WriteString(writer, "message", _redactor.IsEnabled ? _redactor.RedactText(message) : message);
        var stackTrace = exception.ToString();
        _values.WriteString(writer, "stack_trace", _redactor.IsEnabled ? _redactor.RedactText(stackTrace) : stackTrace);
        writer.WriteEndObject();
    }

    private void WriteExtras(Utf8JsonWriter writer, IReadOnlyDictionary<string, LogEventPropertyValue> properties, bool labels)
    {
        var open = false;
        foreach (var (name, value) in AsDictionary(properties))
        {
            if (EcsFieldMap.SlotByProperty.ContainsKey(name) || EcsFieldMap.Ignored.Contains(name))
            {
                continue;
            }

            var isLabel = value is ScalarValue { Value: string };
            if (isLabel != labels)
            {
                continue;
            }

            if (!open)
            {
                writer.WriteStartObject(labels ? LabelsName : AttributesName);
                open = true;
            }

            writer.WritePropertyName(labels ? LabelNames.ToLabelKey(name) : name);
            _values.WriteValue(writer, value, 1);
        }

        if (open)
        {
            writer.WriteEndObject();
        }
    }

    internal static string LevelName(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "trace",
        LogEventLevel.Debug => "debug",
        LogEventLevel.Information => "info",
        LogEventLevel.Warning => "warn",
        LogEventLevel.Error => "error",
        _ => "fatal",
    };
}
