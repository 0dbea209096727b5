using System.Text.Json;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// First pass over one event: checks shape, depth and field count, and records where each field's raw
/// value lies so the writer can copy it without re-parsing.
/// </summary>
internal static class EventScanner
{
    /// <summary>Fills <paramref name="fields"/>; returns null on success, else the rejection.</summary>
    public static RejectReason? Scan(ReadOnlySpan<byte> json, long bodyOffset, IntakeLimits limits, List<FieldSpan> fields)
    {
        fields.Clear();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        var count = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new RejectReason("not_an_object", "an event must be a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var nameStart = (int)reader.TokenStartIndex + 1;
                var escaped = reader.ValueIsEscaped ? reader.GetString() : null;
                var name = escaped is null ? reader.ValueSpan : System.Text.Encoding.UTF8.GetBytes(escaped);
                count++;
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject && FieldNames.IsGroup(name, out var group) && escaped is null)
                {
                    if (!ScanGroup(ref reader, json, group, limits, fields, ref count))
                    {
                        return TooMany(limits);
                    }

                    continue;
                }

                var start = (int)reader.TokenStartIndex;
                if (!SkipCounting(ref reader, limits, ref count))
                {
                    return TooMany(limits);
                }

                var slot = FieldNames.TopLevel(name, out var prefix);
                fields.Add(new FieldSpan(slot, nameStart + prefix, name.Length - prefix, escaped?[prefix..], start, (int)reader.BytesConsumed));
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return RejectReason.Malformed($"malformed JSON at byte {bodyOffset + reader.TokenStartIndex}: unexpected content after the event");
            }
        }
        catch (JsonException ex)
        {
            return JsonErrors.Describe(ex, json, bodyOffset);
        }

        return count > limits.MaxFieldsPerEvent ? TooMany(limits) : null;
    }

    private static bool ScanGroup(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, FieldSlot group, IntakeLimits limits,
        List<FieldSpan> fields, ref int count)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)reader.TokenStartIndex + 1;
            var escaped = reader.ValueIsEscaped ? reader.GetString() : null;
            var name = escaped is null ? reader.ValueSpan : System.Text.Encoding.UTF8.GetBytes(escaped);
            var nameLength = name.Length;
            var slot = group switch
            {
                FieldSlot.LogOther => FieldNames.InLog(name),
                FieldSlot.ServiceOther => FieldNames.InService(name),
                _ => FieldNames.InEvent(name),
            };
            count++;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            if (!SkipCounting(ref reader, limits, ref count))
            {
                return false;
            }

            fields.Add(new FieldSpan(slot, nameStart, nameLength, escaped, start, (int)reader.BytesConsumed));
        }

        _ = json;
        return true;
    }

    // Skips a value while counting its properties, so a million tiny fields stop at the limit.
    private static bool SkipCounting(ref Utf8JsonReader reader, IntakeLimits limits, ref int count)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return true;
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && ++count > limits.MaxFieldsPerEvent)
            {
                return false;
            }
        }

        return true;
    }

    private static RejectReason TooMany(IntakeLimits limits) =>
        new("too_many_fields", $"more than {limits.MaxFieldsPerEvent} fields in one event");
}
