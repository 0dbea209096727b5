using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Samples.Common;

/// <summary>Calls the next service of the order flow; correlation and trace ids flow through the client's handlers.</summary>
public static partial class Downstream
{
    /// <summary>POSTs <paramref name="body"/>; returns null on success, else the reason (already logged as an error).</summary>
    public static async Task<string?> PostAsync<T>(IHttpClientFactory factory, string service, string path, T body, ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(service);
        LogCalling(logger, service, path);
        try
        {
            using var response = await client.PostAsJsonAsync(path, body, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            var reason = $"{service} answered {(int)response.StatusCode}";
            LogFailed(logger, service, path, reason, null);
            return reason;
        }
        catch (HttpRequestException ex)
        {
            var reason = $"{service} unreachable: {ex.Message}";
            LogFailed(logger, service, path, reason, ex);
            return reason;
        }
    }

    [LoggerMessage(2001, LogLevel.Debug, "Calling {Downstream} {DownstreamPath}")]
    private static partial void LogCalling(ILogger logger, string downstream, string downstreamPath);

    [LoggerMessage(2002, LogLevel.Error, "Call to {Downstream} {DownstreamPath} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string downstream, string downstreamPath, string reason, Exception? exception);
}
