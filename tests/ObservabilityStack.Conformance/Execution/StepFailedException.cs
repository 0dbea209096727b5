namespace ObservabilityStack.Conformance.Execution;

/// <summary>A step did not hold: the test fails with this message.</summary>
public sealed class StepFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StepFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StepFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public StepFailedException()
    {
    }
}
