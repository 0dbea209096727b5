namespace ObservabilityStack.Alerting.Rules;

/// <summary>A rules file could not be loaded; <see cref="Errors"/> names file, line and field of each problem.</summary>
public sealed class RuleLoadException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public RuleLoadException(IReadOnlyList<RuleError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>Creates an exception with a single message.</summary>
    public RuleLoadException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public RuleLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Creates an empty exception.</summary>
    public RuleLoadException()
    {
        Errors = [];
    }

    /// <summary>Every problem found (the loader reports all of them, not just the first).</summary>
    public IReadOnlyList<RuleError> Errors { get; }
}
