namespace ObservabilityStack.Emulator.Search.Hits;

/// <summary>One sort value of a hit: a number, a string, or missing.</summary>
internal readonly record struct SortKey(double Number, string? Text, bool Missing)
{
    /// <summary>A missing value.</summary>
    public static SortKey None { get; } = new(0, null, true);
}
