namespace ObservabilityStack.Conformance.Suite;

/// <summary>What to run and how.</summary>
public sealed class ConformanceOptions
{
    /// <summary>A directory of <c>*.yml</c> tests (searched recursively) or one test file.</summary>
    public required string TestsPath { get; init; }

    /// <summary>Spec directory; null finds the <c>api</c> folder beside an ancestor of <see cref="TestsPath"/>.</summary>
    public string? ApiDirectory { get; init; }

    /// <summary>Only tests whose <c>folder/file/test</c> name contains this text (ordinal); null runs all.</summary>
    public string? Filter { get; init; }

    /// <summary>Cluster features (besides synthetic <c>gte_v*</c>) the cluster is declared to have.</summary>
    public IReadOnlySet<string> ClusterFeatures { get; init; } = new HashSet<string>();

    /// <summary>Per-request timeout. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Called after each test, e.g. to print failures as they happen.</summary>
    public Action<TestOutcome>? OnOutcome { get; init; }
}
