namespace ObservabilityStack.Conformance.Suite;

/// <summary>Result of one test.</summary>
/// <param name="Name"><c>folder/file/test</c>.</param>
/// <param name="Status">Passed, failed or skipped.</param>
/// <param name="Reason">Why it failed or was skipped; null when it passed.</param>
public sealed record TestOutcome(string Name, TestStatus Status, string? Reason)
{
    /// <summary>One listing line: <c>PASS name</c>, <c>FAIL name: reason</c> or <c>SKIP name: reason</c>.</summary>
    public override string ToString() => Status switch
    {
        TestStatus.Passed => $"PASS {Name}",
        TestStatus.Failed => $"FAIL {Name}: {Reason}",
        _ => $"SKIP {Name}: {Reason}",
    };
}
