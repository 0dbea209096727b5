namespace ObservabilityStack.Emulator.Search.Blocks;

/// <summary>A test on one numeric value, as a struct so column loops call it without a delegate.</summary>
internal interface INumberTest
{
    /// <summary>True when <paramref name="value"/> passes.</summary>
    bool Accepts(double value);
}
