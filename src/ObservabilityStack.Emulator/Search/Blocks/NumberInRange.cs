namespace ObservabilityStack.Emulator.Search.Blocks;

/// <summary>Value within bounds, each inclusive or not (<c>range</c>).</summary>
internal readonly record struct NumberInRange(double Low, bool LowInclusive, double High, bool HighInclusive) : INumberTest
{
    /// <inheritdoc/>
    public bool Accepts(double value) =>
        (LowInclusive ? value >= Low : value > Low) && (HighInclusive ? value <= High : value < High);
}
