namespace ObservabilityStack.Emulator;

/// <summary>
/// An error answered the way Elasticsearch answers it:
/// <c>{"error":{"root_cause":[...],"type":Type,"reason":Reason},"status":Status}</c>.
/// Anything that is the caller's fault is thrown as this, never as a bare .NET exception.
/// </summary>
public sealed class EmulatorException : Exception
{
    /// <summary>Creates an error answer.</summary>
    public EmulatorException(int status, string type, string reason)
        : base(reason)
    {
        Status = status;
        Type = type;
    }

    /// <summary>HTTP status code, e.g. 400.</summary>
    public int Status { get; }

    /// <summary>Elasticsearch error type, e.g. <c>parsing_exception</c>.</summary>
    public string Type { get; }

    /// <summary>Optional index name, reported as <c>index</c> in the error body.</summary>
    public string? Index { get; init; }

    /// <summary>Shorthand for a 400 <c>parsing_exception</c>.</summary>
    public static EmulatorException Parsing(string reason) => new(400, "parsing_exception", reason);

    /// <summary>Shorthand for a 400 <c>illegal_argument_exception</c>.</summary>
    public static EmulatorException IllegalArgument(string reason) => new(400, "illegal_argument_exception", reason);
}
