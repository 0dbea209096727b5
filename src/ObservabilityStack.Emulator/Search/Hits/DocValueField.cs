using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Hits;

/// <summary>A <c>docvalue_fields</c> / <c>fields</c> entry: a field and an optional format.</summary>
internal sealed class DocValueField(string field, string? format)
{
    /// <summary>The field read.</summary>
    public FieldRef Field { get; } = new(field);

    /// <summary>A date format or a decimal pattern like <c>#.0</c>.</summary>
    public string? Format { get; } = format;
}
