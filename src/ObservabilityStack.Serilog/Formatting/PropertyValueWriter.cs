using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Formatting;

/// <summary>Writes Serilog property values as JSON, enforcing the depth, size and string limits.</summary>
internal sealed class PropertyValueWriter(EcsFormatterOptions options)
{
    private const string Ellipsis = "…";
    private const string CutMarker = "...";

    public void WriteValue(Utf8JsonWriter writer, LogEventPropertyValue value, int depth)
    {
        if (depth > options.MaxDepth)
        {
            writer.WriteStringValue(CutMarker);
            return;
        }

        switch (value)
        {
            case ScalarValue scalar:
                WriteScalar(writer, scalar.Value);
                break;
            case StructureValue structure:
                writer.WriteStartObject();
                var members = Math.Min(structure.Properties.Count, options.MaxCollectionItems);
                for (var i = 0; i < members; i++)
                {
                    writer.WritePropertyName(structure.Properties[i].Name);
                    WriteValue(writer, structure.Properties[i].Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case SequenceValue sequence:
                writer.WriteStartArray();
                var items = Math.Min(sequence.Elements.Count, options.MaxCollectionItems);
                for (var i = 0; i < items; i++)
                {
                    WriteValue(writer, sequence.Elements[i], depth + 1);
                }

                writer.WriteEndArray();
                break;
            case DictionaryValue dictionary:
                writer.WriteStartObject();
                var written = 0;
                foreach (var (key, element) in dictionary.Elements)
                {
                    if (written++ == options.MaxCollectionItems)
                    {
                        break;
                    }

                    writer.WritePropertyName(Convert.ToString(key.Value, CultureInfo.InvariantCulture) ?? "null");
                    WriteValue(writer, element, depth + 1);
                }

                writer.WriteEndObject();
                break;
            default:
                WriteString(writer, value.ToString());
                break;
        }
    }

    public void WriteScalar(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                WriteString(writer, s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                writer.WriteNumberValue(u);
                break;
            case DateTime dt:
                writer.WriteStringValue(dt);
                break;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto);
                break;
            case Guid g:
                Span<char> hex = stackalloc char[32];
                g.TryFormat(hex, out _, "N");
                writer.WriteStringValue(hex);
                break;
            case ActivityTraceId traceId:
                writer.WriteStringValue(traceId.ToHexString());
                break;
            case ActivitySpanId spanId:
                writer.WriteStringValue(spanId.ToHexString());
                break;
            case IFormattable formattable:
                WriteString(writer, formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                WriteString(writer, value.ToString() ?? string.Empty);
                break;
        }
    }

    public void WriteString(Utf8JsonWriter writer, string propertyName, string value)
    {
        writer.WritePropertyName(propertyName);
        WriteString(writer, value);
    }

    public void WriteString(Utf8JsonWriter writer, ReadOnlySpan<char> value)
    {
        if (value.Length <= options.MaxStringLength)
        {
            writer.WriteStringValue(value);
            return;
        }

        writer.WriteStringValue(string.Concat(value[..options.MaxStringLength], Ellipsis));
    }

    public void WriteString(Utf8JsonWriter writer, string value)
    {
        if (value.Length <= options.MaxStringLength)
        {
            writer.WriteStringValue(value);
            return;
        }

        writer.WriteStringValue(string.Concat(value.AsSpan(0, options.MaxStringLength), Ellipsis));
    }

    /// <summary>Whether the scalar is one a mapped numeric field may be written as a JSON number.</summary>
    public static bool IsNumber(object? value) =>
        value is int or long or short or byte or sbyte or ushort or uint or ulong or double or float or decimal;
}
