namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// A field of the incoming event: its slot, its output name (a slice of the input, or a string when the
/// input name was escaped) and the byte range of its raw value.
/// </summary>
internal readonly record struct FieldSpan(FieldSlot Slot, int NameStart, int NameLength, string? EscapedName, int Start, int End);
