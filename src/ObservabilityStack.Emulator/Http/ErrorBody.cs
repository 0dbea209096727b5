using System.Text.Json;

namespace ObservabilityStack.Emulator.Http;

/// <summary>Writes Elasticsearch's error object, used for whole answers and for bulk/msearch items.</summary>
internal static class ErrorBody
{
    /// <summary>Writes <c>{"root_cause":[...],"type":..,"reason":..}</c> (the value of <c>error</c>).</summary>
    public static void WriteError(Utf8JsonWriter w, EmulatorException e)
    {
        w.WriteStartObject();
        w.WriteStartArray("root_cause");
        WriteFields(w, e);
        w.WriteEndArray();
        WriteFieldsInline(w, e);
        w.WriteEndObject();
    }

    /// <summary>Writes a bulk item error: the same object without root_cause, as Elasticsearch does.</summary>
    public static void WriteItemError(Utf8JsonWriter w, EmulatorException e) => WriteFields(w, e);

    /// <summary>Writes a full answer body: <c>{"error":{...},"status":N}</c>.</summary>
    public static void WriteAnswer(Utf8JsonWriter w, EmulatorException e)
    {
        w.WriteStartObject();
        w.WritePropertyName("error");
        WriteError(w, e);
        w.WriteNumber("status", e.Status);
        w.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter w, EmulatorException e)
    {
        w.WriteStartObject();
        WriteFieldsInline(w, e);
        w.WriteEndObject();
    }

    private static void WriteFieldsInline(Utf8JsonWriter w, EmulatorException e)
    {
        w.WriteString("type", e.Type);
        w.WriteString("reason", e.Message);
        if (e.Metadata is not null)
        {
            foreach (var (key, value) in e.Metadata)
            {
                w.WriteString(key, value);
            }
        }

        if (e.Headers is not null)
        {
            w.WriteStartObject("header");
            foreach (var (name, values) in e.Headers)
            {
                w.WriteStartArray(name);
                foreach (var value in values)
                {
                    w.WriteStringValue(value);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        if (e.Index is not null)
        {
            w.WriteString("index", e.Index);
        }

        if (e.CausedBy is not null)
        {
            w.WritePropertyName("caused_by");
            WriteFields(w, e.CausedBy);
        }
    }
}
