namespace ObservabilityStack.Emulator.Search.Blocks;

/// <summary>Value in a set (<c>term</c>, <c>terms</c>).</summary>
internal readonly record struct NumberInSet(HashSet<double> Values) : INumberTest
{
    /// <inheritdoc/>
    public bool Accepts(double value) => Values.Contains(value);
}
