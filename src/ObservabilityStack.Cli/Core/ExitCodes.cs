namespace ObservabilityStack.Cli.Core;

/// <summary>Process exit codes of <c>obs</c>, stable for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and failed (the message says why).</summary>
    public const int Failure = 1;

    /// <summary>The command line could not be parsed.</summary>
    public const int Usage = 2;

    /// <summary>A server (Elasticsearch, Kibana) could not be reached or refused the credentials.</summary>
    public const int Unavailable = 3;

    /// <summary>Interrupted by Ctrl+C before finishing.</summary>
    public const int Interrupted = 130;
}
