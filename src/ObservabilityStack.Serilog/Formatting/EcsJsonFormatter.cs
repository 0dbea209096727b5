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

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

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
            writer.Reset(Stream.Null);
        }
    }

    private void Write(LogEvent logEvent, Utf8JsonWriter writer)
    {
        var properties = _redactor.IsEnabled ? _redactor.Redact(logEvent.Properties) : logEvent.Properties;
        var slots = new LogEventPropertyValue?[EcsFieldMap.Fields.Length];
        foreach (var (name, value) in properties)
        {
            if (EcsFieldMap.SlotByProperty.TryGetValue(name, out var slot))
            {
                slots[slot] = value;
            }
        }

        writer.WriteStartObject();
        writer.WriteString("@timestamp", logEvent.Timestamp.UtcDateTime);
        var message = logEvent.MessageTemplate.Render(properties, CultureInfo.InvariantCulture);
        _values.WriteString(writer, "message", _redactor.IsEnabled ? _redactor.RedactText(message) : message);
        foreach (var group in EcsFieldMap.Groups)
        {
            WriteGroup(writer, group, slots, logEvent.Level);
        }

        if (logEvent.Exception is not null)
        {
            WriteError(writer, logEvent.Exception);
        }

        WriteExtras(writer, properties, labels: true);
        WriteExtras(writer, properties, labels: false);
        writer.WriteEndObject();
    }

    private void WriteGroup(Utf8JsonWriter writer, EcsObjectGroup group, LogEventPropertyValue?[] slots, LogEventLevel level)
    {
        var isLog = group.Name == "log";
        var open = false;
        if (isLog)
        {
            writer.WriteStartObject("log");
            writer.WriteString("level", LevelName(level));
            open = true;
        }

        string? child = null;
        foreach (var (memberChild, leaf, slot) in group.Members)
        {
            var value = slots[slot];
            if (value is null)
            {
                continue;
            }

            if (!open)
            {
                writer.WriteStartObject(group.Name);
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
                    writer.WriteStartObject(memberChild);
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
        foreach (var (name, value) in properties)
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
                writer.WriteStartObject(labels ? "labels" : "attributes");
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
