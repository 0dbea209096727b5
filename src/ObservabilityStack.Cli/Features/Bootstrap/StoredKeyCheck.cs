using System.Net;
using System.Net.Http.Headers;

namespace ObservabilityStack.Cli.Features.Bootstrap;

/// <summary>
/// Finds stored API keys the cluster no longer accepts (invalidated, expired, or made for another cluster),
/// so bootstrap replaces exactly those and leaves keys that still authenticate alone.
/// </summary>
internal static class StoredKeyCheck
{
    /// <summary>Names of secret files in <paramref name="directory"/> whose key gets a 401 from the cluster.</summary>
    public static async Task<HashSet<string>> FindRejectedAsync(string directory, ElasticsearchConnection connection,
        CancellationToken cancellationToken)
    {
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return rejected;
        }

        var url = connection.Client.Options.RedactedUrl.TrimEnd('/') + "/_security/_authenticate";
        foreach (var file in Directory.GetFiles(directory).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)))
        {
            var key = (await File.ReadAllTextAsync(file, cancellationToken)).Trim();
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
            try
            {
                using var response = await connection.Http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    rejected.Add(Path.GetFileName(file));
                }
            }
            catch (HttpRequestException)
            {
                // Unreachable: the cluster check that follows says so with what to do.
                return rejected;
            }
        }

        return rejected;
    }
}
