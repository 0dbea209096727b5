namespace ObservabilityStack.Emulator.Mapping;

/// <summary>The field types the emulator knows, and how each one validates values.</summary>
internal static class FieldTypes
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "keyword", "text", "match_only_text", "wildcard", "constant_keyword", "date", "date_nanos",
        "long", "integer", "short", "byte", "float", "double", "half_float", "scaled_float", "unsigned_long",
        "boolean", "ip", "object", "nested", "flattened", "binary", "geo_point", "alias", "version",
        "search_as_you_type", "completion", "token_count", "passthrough", "sparse_vector", "dense_vector", "rank_feature",
        "rank_features", "date_range", "integer_range", "long_range", "float_range", "double_range", "ip_range", "geo_shape",
        "semantic_text", "histogram", "aggregate_metric_double", "counted_keyword",
    };

    public static bool IsKnown(string type) => Known.Contains(type);

    public static bool IsObject(string type) => type is "object" or "nested" or "passthrough";

    public static bool IsIntegral(string type) => type is "long" or "integer" or "short" or "byte" or "unsigned_long";

    public static bool IsFloating(string type) => type is "float" or "double" or "half_float" or "scaled_float";

    public static bool IsDate(string type) => type is "date" or "date_nanos";

    /// <summary>Inclusive range of an integral type.</summary>
    public static (decimal Min, decimal Max) Range(string type) => type switch
    {
        "integer" => (int.MinValue, int.MaxValue),
        "short" => (short.MinValue, short.MaxValue),
        "byte" => (sbyte.MinValue, sbyte.MaxValue),
        "unsigned_long" => (0, ulong.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };
}
