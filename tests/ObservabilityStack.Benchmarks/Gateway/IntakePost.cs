using System.Net;
using System.Net.Http.Headers;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>One NDJSON batch to an intake endpoint, as both the closed and the open loop send it.</summary>
internal static class IntakePost
{
    /// <summary>True when the gateway answered 202. A reset connection counts as an error, not a crash of the run.</summary>
    /// <remarks>
    /// With the machine's load average above 40 Kestrel was seen resetting connections (a request body arriving
    /// more slowly than its minimum data rate while both processes waited for a core); the run reports it.
    /// </remarks>
    public static async Task<bool> SendAsync(HttpClient client, string path, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        try
        {
            using var response = await client.PostAsync(path, content, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.StatusCode == HttpStatusCode.Accepted;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
