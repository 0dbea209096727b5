using System.Net.Sockets;
using System.Security.Authentication;
using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Elasticsearch.Provisioning;

namespace ObservabilityStack.Cli.Core;

/// <summary>
/// Turns any exception escaping a command into one line on stderr and an exit code. Stack traces
/// only appear when <c>OBS_DEBUG=1</c>: users get a message that says what to do.
/// </summary>
internal static class ErrorReporter
{
    /// <summary>Prints the error and returns the exit code.</summary>
    public static int Report(Exception exception, CliEnvironment environment, bool cancelled)
    {
        var (message, code) = Describe(exception, cancelled);
        environment.Error.WriteLine($"obs: {message}");
        if (environment.Variable("OBS_DEBUG") is "1" or "true")
        {
            environment.Error.WriteLine(exception.ToString());
        }

        return code;
    }

    private static (string Message, int Code) Describe(Exception exception, bool cancelled) => exception switch
    {
        CliException cli => (cli.Message, cli.ExitCode),
        ProvisioningException provisioning => (provisioning.Message,
            provisioning.Kind == ProvisioningFailureKind.Rejected ? ExitCodes.Failure : ExitCodes.Unavailable),
        OperationCanceledException when cancelled => ("interrupted.", ExitCodes.Interrupted),
        OperationCanceledException => ("the request timed out. Check that the server is up and not overloaded, then retry.",
            ExitCodes.Unavailable),
        ElasticsearchException { IsConnectionFailure: true } es => (
            $"{es.Message}. Is Elasticsearch running (`obs up`, `obs emulator`) and the URL right?", ExitCodes.Unavailable),
        ElasticsearchException es => ($"Elasticsearch refused the request: {es.Message}", ExitCodes.Failure),
        ArgumentException argument => ($"invalid setting: {argument.Message}", ExitCodes.Usage),
        HttpRequestException { InnerException: AuthenticationException } http =>
            ($"TLS handshake failed: {http.InnerException!.Message} Pass the cluster's CA with --ca-cert FILE.", ExitCodes.Unavailable),
        HttpRequestException { InnerException: SocketException } http =>
            ($"cannot connect ({http.Message}). Is the server running and the URL right?", ExitCodes.Unavailable),
        HttpRequestException http => ($"network error: {http.Message}", ExitCodes.Unavailable),
        UnauthorizedAccessException or IOException => ($"{exception.Message}", ExitCodes.Failure),
        _ => ($"unexpected {exception.GetType().Name}: {exception.Message} (set OBS_DEBUG=1 for details, and please report it)",
            ExitCodes.Failure),
    };
}
