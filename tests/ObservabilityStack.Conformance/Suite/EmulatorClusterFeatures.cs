namespace ObservabilityStack.Conformance.Suite;

/// <summary>
/// Non-synthetic cluster features the emulator is declared to have. Synthetic <c>gte_vX.Y.Z</c> features follow
/// from the version the emulator reports; anything else counts as absent until it is listed here.
/// </summary>
public static class EmulatorClusterFeatures
{
    /// <summary>The declared features (none yet).</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal);
}
