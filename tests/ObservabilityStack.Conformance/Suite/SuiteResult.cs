namespace ObservabilityStack.Conformance.Suite;

/// <summary>Outcome of a whole run.</summary>
/// <param name="Outcomes">Every test in run order.</param>
/// <param name="WipeProblems">Distinct errors seen while cleaning the cluster between tests.</param>
public sealed record SuiteResult(IReadOnlyList<TestOutcome> Outcomes, IReadOnlyCollection<string> WipeProblems)
{
    /// <summary>Tests that passed.</summary>
    public int Passed => Outcomes.Count(o => o.Status == TestStatus.Passed);

    /// <summary>Tests that failed.</summary>
    public int Failed => Outcomes.Count(o => o.Status == TestStatus.Failed);

    /// <summary>Tests skipped by their own prerequisites.</summary>
    public int Skipped => Outcomes.Count(o => o.Status == TestStatus.Skipped);

    /// <summary>Passed share of the tests that ran (0 when none ran).</summary>
    public double PassRatio => Passed + Failed == 0 ? 0 : (double)Passed / (Passed + Failed);

    /// <summary>Skipped share of all tests.</summary>
    public double SkipRatio => Outcomes.Count == 0 ? 0 : (double)Skipped / Outcomes.Count;

    /// <summary>The closing line: <c>N passed, N failed, N skipped</c>.</summary>
    public string Summary => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
