namespace ObservabilityStack.Cli.Core;

/// <summary>
/// A failure the user can act on. The message says what went wrong and what to do; the top-level
/// handler prints it to stderr (no stack trace) and exits with <see cref="ExitCode"/>.
/// </summary>
internal sealed class CliException : Exception
{
    /// <summary>Creates a user-facing failure.</summary>
    public CliException(string message, int exitCode = ExitCodes.Failure, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    /// <summary>Process exit code for this failure.</summary>
    public int ExitCode { get; }
}
