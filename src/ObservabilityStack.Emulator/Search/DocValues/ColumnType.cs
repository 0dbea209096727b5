namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>What a column holds for each document.</summary>
internal enum ColumnType
{
    /// <summary>Whether the path has any non-null value (objects included), as <c>exists</c> asks.</summary>
    Exists,

    /// <summary>The values as keyword strings (numbers as their JSON text, booleans as true/false).</summary>
    Keyword,

    /// <summary>The values as numbers under the field's kind (dates as epoch millis, booleans as 1/0).</summary>
    Number,
}
