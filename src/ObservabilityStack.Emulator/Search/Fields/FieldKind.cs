namespace ObservabilityStack.Emulator.Search.Fields;

/// <summary>How search treats a field's values, derived from the mapping type.</summary>
internal enum FieldKind
{
    /// <summary>Not in the mapping: values are interpreted from their JSON type.</summary>
    Unmapped,

    /// <summary>Exact strings (keyword, ip, constant_keyword, wildcard, flattened leaves).</summary>
    Keyword,

    /// <summary>Analysed text: lower-cased tokens; not aggregatable or sortable.</summary>
    Text,

    /// <summary>Integral numbers (long, integer, short, byte).</summary>
    Long,

    /// <summary>Floating point numbers (double, float, half_float, scaled_float).</summary>
    Double,

    /// <summary>Dates as epoch milliseconds.</summary>
    Date,

    /// <summary>Booleans, aggregated as 1/0.</summary>
    Boolean,

    /// <summary>An object or nested field (only <c>exists</c> applies).</summary>
    Object,
}
