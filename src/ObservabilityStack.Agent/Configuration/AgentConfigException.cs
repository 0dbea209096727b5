namespace ObservabilityStack.Agent.Configuration;

/// <summary>A configuration problem, with every error found (each naming file, line and key).</summary>
public sealed class AgentConfigException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public AgentConfigException(IReadOnlyList<string> errors)
        : base(string.Join(System.Environment.NewLine, errors)) => Errors = errors;

    /// <summary>Creates an exception with one problem.</summary>
    public AgentConfigException(string error)
        : this([error])
    {
    }

    /// <summary>Creates an empty exception (required by the exception pattern).</summary>
    public AgentConfigException()
        : this("invalid agent configuration")
    {
    }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public AgentConfigException(string message, Exception innerException)
        : base(message, innerException) => Errors = [message];

    /// <summary>Each problem, like <c>agent.env:4: BATCH_INTERVAL: 'fast' is not a number of seconds</c>.</summary>
    public IReadOnlyList<string> Errors { get; }
}
