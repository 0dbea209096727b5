using ObservabilityStack.Conformance.Execution;

namespace ObservabilityStack.Conformance.Spec;

/// <summary>A <c>do</c> step passed a parameter the API spec does not declare (what <c>catch: param</c> expects).</summary>
public sealed class UnknownParameterException : Exception
{
    /// <summary>Creates the exception for an API and parameter.</summary>
    public UnknownParameterException(string api, string parameter)
        : base($"API '{api}' has no parameter '{parameter}'")
    {
    }

    /// <summary>Creates the exception.</summary>
    public UnknownParameterException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UnknownParameterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public UnknownParameterException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Converts to a step failure when no <c>catch: param</c> expected it.</summary>
    public StepFailedException AsFailure() => new(Message, this);
}
