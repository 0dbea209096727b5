namespace ObservabilityStack.Gateway.Intake;

/// <summary>Maps incoming field names (dotted or nested under <c>log</c>/<c>service</c>/<c>event</c>) to slots.</summary>
internal static class FieldNames
{
    /// <summary>Slot of a top-level name; <paramref name="prefix"/> is how many bytes to strip for a group field.</summary>
    public static FieldSlot TopLevel(ReadOnlySpan<byte> name, out int prefix)
    {
        prefix = 0;
        if (name.SequenceEqual("@timestamp"u8) || name.SequenceEqual("timestamp"u8))
        {
            return FieldSlot.Timestamp;
        }

        if (name.SequenceEqual("message"u8) || name.SequenceEqual("msg"u8))
        {
            return FieldSlot.Message;
        }

        if (name.SequenceEqual("level"u8) || name.SequenceEqual("severity"u8))
        {
            return FieldSlot.Level;
        }

        if (name.Length > 0 && name[0] == (byte)'_' || name.SequenceEqual("data_stream"u8) || name.StartsWith("data_stream."u8))
        {
            return FieldSlot.Reserved;
        }

        if (name.StartsWith("log."u8))
        {
            prefix = 4;
            return InLog(name[4..]);
        }

        if (name.StartsWith("service."u8))
        {
            prefix = 8;
            return InService(name[8..]);
        }

        if (name.StartsWith("event."u8))
        {
            prefix = 6;
            return InEvent(name[6..]);
        }

        return FieldSlot.Other;
    }

    /// <summary>Slot of a field inside <c>log</c>.</summary>
    public static FieldSlot InLog(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("level"u8) ? FieldSlot.Level : FieldSlot.LogOther;

    /// <summary>Slot of a field inside <c>service</c>.</summary>
    public static FieldSlot InService(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("name"u8) ? FieldSlot.ServiceName
        : name.SequenceEqual("environment"u8) ? FieldSlot.ServiceEnvironment
        : FieldSlot.ServiceOther;

    /// <summary>Slot of a field inside <c>event</c>.</summary>
    public static FieldSlot InEvent(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("id"u8) ? FieldSlot.EventId
        : name.SequenceEqual("ingested"u8) ? FieldSlot.EventIngested
        : FieldSlot.EventOther;

    /// <summary>The group object a slot is written under, or null for top-level slots.</summary>
    public static bool IsGroup(ReadOnlySpan<byte> name, out FieldSlot group)
    {
        group = name.SequenceEqual("log"u8) ? FieldSlot.LogOther
            : name.SequenceEqual("service"u8) ? FieldSlot.ServiceOther
            : name.SequenceEqual("event"u8) ? FieldSlot.EventOther
            : FieldSlot.Other;
        return group != FieldSlot.Other;
    }
}
