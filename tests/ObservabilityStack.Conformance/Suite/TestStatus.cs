namespace ObservabilityStack.Conformance.Suite;

/// <summary>How a test ended.</summary>
public enum TestStatus
{
    /// <summary>Every step held.</summary>
    Passed,

    /// <summary>A step failed (or the file could not be read).</summary>
    Failed,

    /// <summary>The test's own skip/requires said not to run it here.</summary>
    Skipped,
}
